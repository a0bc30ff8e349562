using System.Text.Json.Nodes;
using Network.Modules.Media;

namespace Network.Modules.Content.Recipes;

/// <summary>Draws the picture an item of a content file describes and stores it in the tenant's media library.</summary>
internal sealed class SampleImageUploader
{
    public Task<ImageRef> UploadAsync(JsonObject image, string name, CancellationToken cancellationToken)
        => throw new NotSupportedException("Images come with the media library.");
}
