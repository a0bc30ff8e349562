namespace Network.Core.Tenancy;

/// <summary>
/// Marks a page or endpoint that exists only in the hub (network-wide administration). In any other
/// tenant it answers 404, before authentication or authorization run, so a region does not even reveal it.
/// Checked by <see cref="Modules.FeatureGateMiddleware"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class HubOnlyAttribute : Attribute;
