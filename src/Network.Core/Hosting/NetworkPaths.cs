namespace Network.Core.Hosting;

public static class NetworkPaths
{
    /// <summary>
    /// Relative paths in configuration are relative to the host's folder (where the build and
    /// <c>dotnet publish</c> put appsettings.json and the recipes), whatever the working directory.
    /// </summary>
    public static string Resolve(string path) => Path.GetFullPath(path, AppContext.BaseDirectory);
}
