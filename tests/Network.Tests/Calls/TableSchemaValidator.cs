using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Network.Tests.Calls;

/// <summary>
/// Checks a CSV file against a Frictionless Table Schema as published (schema.data.gouv.fr): the header (names and
/// order), then per cell every constraint the schema file declares (required, type and format, pattern, enum,
/// minLength/maxLength, minimum/maximum) and the schema's custom checks. A constraint, type or check this validator
/// does not know fails the validation, so a schema change can never be silently ignored.
/// </summary>
public static class TableSchemaValidator
{
    public static List<string> Validate(string schemaJson, string csv)
    {
        using var schema = JsonDocument.Parse(schemaJson);
        var root = schema.RootElement;
        var fields = root.GetProperty("fields").EnumerateArray().ToList();
        var names = fields.Select(f => f.GetProperty("name").GetString()!).ToList();
        var missingValues = root.TryGetProperty("missingValues", out var mv) ? mv.EnumerateArray().Select(v => v.GetString()!).ToHashSet() : [""];
        var errors = new List<string>();
        var rows = ParseCsv(csv);
        if (rows.Count == 0) return ["The file is empty: it needs at least the header."];
        if (!rows[0].SequenceEqual(names)) errors.Add($"Header {string.Join(",", rows[0])} differs from the schema's fields {string.Join(",", names)}.");

        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.Count != names.Count)
            {
                errors.Add($"Row {r}: {row.Count} cells for {names.Count} fields.");
                continue;
            }
            for (var c = 0; c < fields.Count; c++)
                errors.AddRange(CheckCell(fields[c], row[c], missingValues).Select(e => $"Row {r}, {names[c]} = \"{row[c]}\": {e}"));
            if (root.TryGetProperty("custom_checks", out var checks))
                foreach (var check in checks.EnumerateArray())
                    errors.AddRange(CustomCheck(check, names, row).Select(e => $"Row {r}: {e}"));
        }
        return errors;
    }

    private static IEnumerable<string> CheckCell(JsonElement field, string value, HashSet<string> missingValues)
    {
        var type = field.TryGetProperty("type", out var t) ? t.GetString()! : "string";
        var format = field.TryGetProperty("format", out var f) ? f.GetString()! : "default";
        var constraints = field.TryGetProperty("constraints", out var cs) ? cs : default;
        var required = constraints.ValueKind == JsonValueKind.Object && constraints.TryGetProperty("required", out var req) && req.GetBoolean();
        if (missingValues.Contains(value))
        {
            if (required) yield return "required but empty";
            yield break;
        }

        decimal? number = null;
        switch (type)
        {
            case "string":
                if (format is not ("default" or "email" or "uri" or "uuid")) yield return $"unknown string format {format}";
                if (format == "email" && !System.Net.Mail.MailAddress.TryCreate(value, out _)) yield return "not an email";
                if (format == "uri" && !Uri.TryCreate(value, UriKind.Absolute, out _)) yield return "not a URI";
                if (format == "uuid" && !Guid.TryParse(value, out _)) yield return "not a UUID";
                break;
            case "number":
                if (!Regex.IsMatch(value, @"^-?\d+(\.\d+)?$") || !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)) yield return "not a number";
                else number = n;
                break;
            case "integer":
                if (!Regex.IsMatch(value, @"^-?\d+$")) yield return "not an integer";
                else number = decimal.Parse(value, CultureInfo.InvariantCulture);
                break;
            case "boolean":
                var trueValues = field.TryGetProperty("trueValues", out var tv) ? tv.EnumerateArray().Select(v => v.GetString()).ToList() : ["true", "True", "TRUE", "1"];
                var falseValues = field.TryGetProperty("falseValues", out var fv) ? fv.EnumerateArray().Select(v => v.GetString()).ToList() : ["false", "False", "FALSE", "0"];
                if (!trueValues.Contains(value) && !falseValues.Contains(value)) yield return $"not one of the boolean values {string.Join("/", trueValues.Concat(falseValues))}";
                break;
            case "date":
                var pattern = format is "default" or "any" ? "yyyy-MM-dd" : ToNetFormat(format);
                if (!DateOnly.TryParseExact(value, pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) yield return $"not a date ({pattern})";
                break;
            default:
                yield return $"unknown type {type}";
                break;
        }

        if (constraints.ValueKind != JsonValueKind.Object) yield break;
        foreach (var constraint in constraints.EnumerateObject())
        {
            switch (constraint.Name)
            {
                case "required":
                    break;
                case "pattern":
                    // Table Schema patterns match the whole value.
                    if (!Regex.IsMatch(value, $"^(?:{constraint.Value.GetString()})$")) yield return $"does not match {constraint.Value.GetString()}";
                    break;
                case "enum":
                    if (!constraint.Value.EnumerateArray().Any(e => e.GetString() == value)) yield return "not one of the allowed values";
                    break;
                case "minLength":
                    if (value.Length < constraint.Value.GetInt32()) yield return $"shorter than {constraint.Value.GetInt32()}";
                    break;
                case "maxLength":
                    if (value.Length > constraint.Value.GetInt32()) yield return $"longer than {constraint.Value.GetInt32()}";
                    break;
                case "minimum":
                    if (number is null || number < constraint.Value.GetDecimal()) yield return $"below {constraint.Value.GetDecimal()}";
                    break;
                case "maximum":
                    if (number is null || number > constraint.Value.GetDecimal()) yield return $"above {constraint.Value.GetDecimal()}";
                    break;
                default:
                    yield return $"unknown constraint {constraint.Name}";
                    break;
            }
        }
    }

    private static IEnumerable<string> CustomCheck(JsonElement check, List<string> names, List<string> row)
    {
        var name = check.GetProperty("name").GetString();
        var parameters = check.GetProperty("params");
        string Cell(string column) => row[names.IndexOf(column)];
        switch (name)
        {
            case "french-siret-value":
                var column = parameters.GetProperty("column").GetString()!;
                var siret = Cell(column);
                if (siret.Length > 0 && !IsSiret(siret)) yield return $"{column} = \"{siret}\" is not a valid SIRET (14 digits, Luhn checksum)";
                break;
            case "one-of-required":
                var first = parameters.GetProperty("column1").GetString()!;
                var second = parameters.GetProperty("column2").GetString()!;
                if (Cell(first).Length == 0 && Cell(second).Length == 0) yield return $"one of {first} and {second} is required";
                break;
            default:
                yield return $"unknown custom check {name}";
                break;
        }
    }

    /// <summary>14 digits whose Luhn sum is a multiple of 10; La Poste's establishments (SIREN 356000000) sum their digits instead, as INSEE does.</summary>
    public static bool IsSiret(string value)
    {
        if (!Regex.IsMatch(value, @"^\d{14}$")) return false;
        if (value.StartsWith("356000000", StringComparison.Ordinal)) return value.Sum(c => c - '0') % 5 == 0;
        var sum = 0;
        for (var i = 0; i < 14; i++)
        {
            var d = value[13 - i] - '0';
            if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return sum % 10 == 0;
    }

    private static string ToNetFormat(string strftime) => strftime.Replace("%Y", "yyyy").Replace("%m", "MM").Replace("%d", "dd");

    /// <summary>RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    public static List<List<string>> ParseCsv(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var ch = csv[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { cell.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else cell.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (ch is '\r' or '\n')
            {
                if (ch == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n') i++;
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
            }
            else cell.Append(ch);
        }
        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add(row);
        }
        return rows;
    }
}
