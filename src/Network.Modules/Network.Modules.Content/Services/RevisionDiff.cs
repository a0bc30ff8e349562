using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Network.Modules.Content.Data;

namespace Network.Modules.Content.Services;

/// <summary>One line of a comparison: a field (French label), its value in each revision, and whether it changed.</summary>
public sealed record RevisionDiffRow(string Key, string Label, string Before, string After)
{
    public bool Changed => !string.Equals(Before, After, StringComparison.Ordinal);
}

/// <summary>
/// Compares two revisions field by field: the shared columns, then the type's fields flattened from their JSON
/// (lists of values joined, lists of objects one line per entry and property), labelled with the type's field labels.
/// </summary>
public static class RevisionDiff
{
    public static IReadOnlyList<RevisionDiffRow> Compare(ContentRevision from, ContentRevision to, IReadOnlyDictionary<string, string> labels)
    {
        var before = Flatten(from, labels);
        var after = Flatten(to, labels);
        var keys = before.Keys.Concat(after.Keys).Distinct(StringComparer.Ordinal).ToList();
        return keys.Select(k =>
        {
            var label = before.TryGetValue(k, out var b) ? b.Label : after[k].Label;
            return new RevisionDiffRow(k, label, b.Value ?? "", after.TryGetValue(k, out var a) ? a.Value : "");
        }).ToList();
    }

    private static Dictionary<string, (string Label, string Value)> Flatten(ContentRevision revision, IReadOnlyDictionary<string, string> labels)
    {
        var rows = new Dictionary<string, (string Label, string Value)>(StringComparer.Ordinal)
        {
            ["title"] = ("Titre", revision.Title),
            ["slug"] = ("Adresse", revision.Slug),
            ["summary"] = ("Résumé", revision.Summary),
            ["status"] = ("État", Editing.ContentStatusLabels.Of(revision.Status)),
            ["shared"] = ("Partagé avec le réseau", revision.SharedWithNetwork ? "Oui" : "Non"),
        };
        JsonNode? fields;
        try
        {
            fields = JsonNode.Parse(string.IsNullOrWhiteSpace(revision.FieldsJson) ? "{}" : revision.FieldsJson);
        }
        catch (JsonException)
        {
            rows["fields"] = ("Champs", revision.FieldsJson);
            return rows;
        }
        if (fields is JsonObject obj)
        {
            foreach (var (name, value) in obj)
                Add(rows, "fields." + name, labels.GetValueOrDefault(name) ?? name, value);
        }
        return rows;
    }

    private static void Add(Dictionary<string, (string Label, string Value)> rows, string key, string label, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj) Add(rows, $"{key}.{name}", $"{label} › {name}", value);
                if (obj.Count == 0) rows[key] = (label, "");
                break;
            case JsonArray array when array.All(e => e is null or JsonValue):
                rows[key] = (label, string.Join(" ; ", array.Select(Scalar)));
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) Add(rows, $"{key}[{i}]", $"{label} n° {i + 1}", array[i]);
                if (array.Count == 0) rows[key] = (label, "");
                break;
            default:
                rows[key] = (label, Scalar(node));
                break;
        }
    }

    private static string Scalar(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "Oui" : "Non",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<decimal>(out var d) => d.ToString(CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };
}
