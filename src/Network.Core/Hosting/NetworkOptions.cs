namespace Network.Core.Hosting;

/// <summary>The <c>Network</c> section of appsettings.json.</summary>
public sealed class NetworkOptions
{
    public const string Section = "Network";

    /// <summary>Folder holding every database, media file and mail pickup file; relative paths are resolved against the host folder.</summary>
    public string DataPath { get; set; } = "App_Data";

    /// <summary>Folder of the *.recipe.json files; relative to the host folder.</summary>
    public string RecipesPath { get; set; } = "recipes";

    public string AdminEmail { get; set; } = "admin@reseau.localhost";

    /// <summary>When empty on first run, a password is generated and printed once.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>Public base URL used in e-mails when no request is at hand (jobs).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>A tenant still Uninitialized this long after its creation started is taken as abandoned and removed at start-up.</summary>
    public double AbandonedSetupMinutes { get; set; } = 10;

    /// <summary>
    /// Whether recipe steps marked <c>"sample": true</c> (the regions' sample showcases and practices, with their
    /// generated images) run when a tenant is created. On by default; the tests turn it off to keep each host's
    /// first run short, except those that check the sample content.
    /// </summary>
    public bool SampleContent { get; set; } = true;

    /// <summary>Tenants created on first run, after the hub.</summary>
    public List<InitialTenant> InitialTenants { get; set; } = [];
}

public sealed class InitialTenant
{
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Recipe { get; set; } = "region";

    /// <summary>Fields of a "Settings" recipe step applied after the recipe (this region's branding).</summary>
    public InitialTenantSettings Settings { get; set; } = new();
}

public sealed class InitialTenantSettings
{
    public List<string>? BlocMarque { get; set; }
    public string? SiteName { get; set; }
    public string? Baseline { get; set; }
    public string? OperatorName { get; set; }
    public string? ContactEmail { get; set; }
    public string? Siret { get; set; }

    /// <summary>These settings as a "Settings" recipe step.</summary>
    public System.Text.Json.Nodes.JsonObject ToRecipeStep()
    {
        var step = (System.Text.Json.Nodes.JsonObject)System.Text.Json.JsonSerializer.SerializeToNode(this, new System.Text.Json.JsonSerializerOptions
        {
            PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        })!;
        step.Insert(0, "name", "Settings");
        return step;
    }
}
