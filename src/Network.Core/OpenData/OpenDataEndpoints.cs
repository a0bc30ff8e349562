using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Network.Core.OpenData;

/// <summary>How a module offers a dataset: the source registered once, its files mapped at their stable addresses.</summary>
public static class OpenDataEndpoints
{
    /// <summary>Registers the source scoped, as itself and as one of the <see cref="IOpenDatasetSource"/>s.</summary>
    public static IServiceCollection AddOpenDataset<TSource>(this IServiceCollection services) where TSource : class, IOpenDatasetSource
    {
        services.AddScoped<TSource>();
        services.AddScoped<IOpenDatasetSource>(sp => sp.GetRequiredService<TSource>());
        return services;
    }

    /// <summary>
    /// Maps GET and HEAD of <c>/donnees/{id}.csv</c> and <c>.json</c> (called from the module's <c>MapEndpoints</c>, so
    /// the files answer 404 where the module is disabled).
    /// </summary>
    public static void MapOpenDataset<TSource>(this IEndpointRouteBuilder endpoints, OpenDataset dataset) where TSource : class, IOpenDatasetSource
    {
        foreach (var format in OpenDataset.Formats)
            endpoints.MapMethods(dataset.PathOf(format), [HttpMethods.Get, HttpMethods.Head],
                    (HttpContext http, TSource source) => OpenDataWriter.AnswerAsync(http, source, format))
                .ExcludeFromDescription();
    }
}
