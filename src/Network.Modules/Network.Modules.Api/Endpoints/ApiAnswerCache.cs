using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Network.Modules.Api.Endpoints;

/// <summary>A serialized answer and its strong ETag (a digest of the bytes, so equal answers share it on every node).</summary>
public sealed record ApiAnswer(byte[] Body, string ETag, string? Link)
{
    public static ApiAnswer Of(byte[] body, string? link)
        => new(body, "\"" + Convert.ToBase64String(SHA256.HashData(body), 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "\"", link);
}

/// <summary>
/// Keeps the bytes of answers per tenant and resource while the resource's version stays the same (a new version drops
/// them all), so a popular page is filtered, mapped, serialized and hashed once per change of the data, not per request.
/// </summary>
public sealed class ApiAnswerCache
{
    /// <summary>Distinct answers kept per tenant, resource and version; beyond it answers are computed without being kept.</summary>
    public const int MaxEntries = 5_000;

    private readonly ConcurrentDictionary<(string Tenant, string Resource), Slot> _slots = new();

    public bool TryGet(string tenant, string resource, string version, string key, out ApiAnswer answer)
    {
        answer = null!;
        return _slots.TryGetValue((tenant, resource), out var slot) && slot.Version == version && slot.Answers.TryGetValue(key, out answer!);
    }

    public void Add(string tenant, string resource, string version, string key, ApiAnswer answer)
    {
        var slot = _slots.AddOrUpdate((tenant, resource), _ => new Slot(version), (_, current) => current.Version == version ? current : new Slot(version));
        if (slot.Answers.Count < MaxEntries) slot.Answers.TryAdd(key, answer);
    }

    private sealed class Slot(string version)
    {
        public string Version { get; } = version;
        public ConcurrentDictionary<string, ApiAnswer> Answers { get; } = new(StringComparer.Ordinal);
    }
}
