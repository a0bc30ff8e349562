using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Razor.Hosting;
using Network.Core.Tenancy;

namespace Network.Core.Modules;

/// <summary>Answers 404 for endpoints of modules the current tenant has not enabled, and for hub-only endpoints outside the hub.</summary>
public sealed class FeatureGateMiddleware(RequestDelegate next, ModuleCatalog modules)
{
    private readonly ConcurrentDictionary<Endpoint, (NetworkModule? Owner, bool HubOnly)> _owners = new();

    public async Task InvokeAsync(HttpContext context, TenantContext tenantContext)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is not null && tenantContext.Tenant is { } tenant)
        {
            var (owner, hubOnly) = _owners.GetOrAdd(endpoint, e => (OwnerOf(e), e.Metadata.GetMetadata<HubOnlyAttribute>() is not null));
            if ((owner is not null && !owner.IsAlwaysEnabled && !tenant.IsEnabled(owner.Id)) || (hubOnly && !tenant.IsHub))
            {
                context.SetEndpoint(null);
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
        }
        await next(context);
    }

    private NetworkModule? OwnerOf(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<ModuleEndpointMetadata>() is { } metadata)
            return modules.Find(metadata.ModuleId);
        var type = endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>()?.PageTypeInfo
            ?? endpoint.Metadata.GetMetadata<ControllerActionDescriptor>()?.ControllerTypeInfo;
        if (type is not null) return modules.FindByAssembly(type.Assembly);
        // Page endpoints carry the page's path, not its type: map it through the compiled Razor items.
        if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            return _pageOwners.Value.GetValueOrDefault(page.RelativePath);
        return null;
    }

    private readonly Lazy<Dictionary<string, NetworkModule>> _pageOwners = new(() =>
    {
        var loader = new RazorCompiledItemLoader();
        var owners = new Dictionary<string, NetworkModule>(StringComparer.OrdinalIgnoreCase);
        foreach (var module in modules.Modules)
        {
            foreach (var item in loader.LoadItems(module.GetType().Assembly))
                owners.TryAdd(item.Identifier, module);
        }
        return owners;
    });
}
