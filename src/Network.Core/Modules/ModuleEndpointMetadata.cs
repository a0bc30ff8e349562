namespace Network.Core.Modules;

/// <summary>Endpoint metadata naming the module that owns an endpoint, read by the feature gate.</summary>
public sealed record ModuleEndpointMetadata(string ModuleId);
