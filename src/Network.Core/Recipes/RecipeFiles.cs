using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Network.Core.Hosting;

namespace Network.Core.Recipes;

/// <summary>The JSON files recipe steps name ("content/hauts-de-france.calls.json"): relative to the recipes folder and inside it.</summary>
public static class RecipeFiles
{
    /// <summary>Reads a sample file's records: camelCase names, enums by name only, and an unknown field is an error.</summary>
    public static readonly JsonSerializerOptions StrictJson = CreateStrictJson();

    private static JsonSerializerOptions CreateStrictJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        json.MakeReadOnly();
        return json;
    }

    /// <summary>Whether the step's boolean <paramref name="field"/> ("sample", "optional") is present and true.</summary>
    public static bool Flag(JsonObject step, string field) => step[field] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    /// <summary>
    /// The file's root object, null when an optional file is missing, or the problem: on the step's "file" field for a bad
    /// name or a missing file, on the file itself for content that is not JSON or not an object holding
    /// <paramref name="listField"/>'s list.
    /// </summary>
    public static (JsonObject? Root, (string Field, string Message)? Problem) ReadObject(string recipesPath, string file, bool optional, string listField)
    {
        var (found, root, pathError, contentError) = Read(recipesPath, file, optional);
        if (pathError is not null) return (null, ("file", pathError));
        if (contentError is not null) return (null, (file, contentError));
        if (!found) return (null, null);
        return root is JsonObject obj ? (obj, null) : (null, (file, $"doit être un objet JSON {{ \"{listField}\": [ … ] }}"));
    }

    /// <summary>
    /// Reads <paramref name="file"/> under <paramref name="recipesPath"/>. <c>Found</c> is false for an absent optional
    /// file (no error); <c>PathError</c> says the name is not acceptable or the file is missing, <c>ContentError</c> that it
    /// is not JSON. The caller checks the root's shape (the JSON literal null gives a null root).
    /// </summary>
    public static (bool Found, JsonNode? Root, string? PathError, string? ContentError) Read(string recipesPath, string file, bool optional)
    {
        var folder = NetworkPaths.Resolve(recipesPath);
        var path = Path.GetFullPath(file, folder);
        if (file.Length == 0 || Path.IsPathRooted(file) || !path.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return (false, null, $"« {file} » doit être un chemin relatif à l'intérieur du dossier des recettes", null);
        if (!File.Exists(path)) return optional ? (false, null, null, null) : (false, null, $"fichier introuvable « {file} »", null);
        try
        {
            return (true, JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }), null, null);
        }
        catch (JsonException e)
        {
            return (true, null, null, $"JSON invalide, ligne {e.LineNumber + 1} : {e.Message}");
        }
    }
}
