using System.Text.Json;
using System.Text.Json.Nodes;
using Network.Core.Hosting;

namespace Network.Core.Recipes;

/// <summary>The JSON files recipe steps name ("content/hauts-de-france.calls.json"): relative to the recipes folder and inside it.</summary>
public static class RecipeFiles
{
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
