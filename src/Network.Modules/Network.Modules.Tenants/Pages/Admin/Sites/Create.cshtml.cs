using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Network.Core.Recipes;
using Network.Core.Security;
using Network.Core.Tenancy;

namespace Network.Modules.Tenants.Pages.Admin.Sites;

[RequireNetworkAdministrator]
[HubOnly]
public sealed class CreateModel(TenantManager manager, RecipeReader recipes, IStringLocalizer T) : SitesPageModel
{
    public const string DefaultRecipe = "region";

    private static readonly Dictionary<string, string> FieldKeys = new(StringComparer.Ordinal)
    {
        ["name"] = "Input.Name",
        ["displayName"] = "Input.DisplayName",
        ["prefix"] = "Input.Prefix",
        ["hosts"] = "Input.Hosts",
    };

    [BindProperty]
    public CreateSiteInput Input { get; set; } = new();

    public IReadOnlyList<string> Recipes { get; private set; } = [];

    /// <summary>The recipe's own problems (file, step, field), when the chosen recipe does not validate.</summary>
    public IReadOnlyList<RecipeError> RecipeErrors { get; private set; } = [];

    public void OnGet()
    {
        Recipes = recipes.AvailableRecipes();
        Input.Recipe = Recipes.Contains(DefaultRecipe) ? DefaultRecipe : Recipes.FirstOrDefault() ?? "";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Recipes = recipes.AvailableRecipes();
        // The select offers the recipes of the folder; anything else is a forged value.
        if (!Recipes.Contains(Input.Recipe ?? "", StringComparer.Ordinal))
            ModelState.AddModelError("Input.Recipe", T["Choisissez une des recettes proposées."]);
        if (!ModelState.IsValid) return Page();

        try
        {
            var tenant = await manager.CreateAsync(
                new TenantCreation(Input.Name ?? "", Input.DisplayName ?? "", Input.Recipe!, Input.Prefix, Lines(Input.Hosts)),
                cancellationToken);
            return Redirect(Url.Content($"~/admin/sites?cree={Uri.EscapeDataString(tenant.Name)}"));
        }
        catch (TenantValidationException exception)
        {
            AddErrors(exception, FieldKeys);
        }
        catch (RecipeException exception)
        {
            RecipeErrors = exception.Errors;
            ModelState.AddModelError("Input.Recipe", T["La recette « {0} » n'est pas valide ; rien n'a été créé.", Input.Recipe!]);
        }
        catch (TenantCreationException exception)
        {
            FormError = exception.Message;
        }
        return Page();
    }
}

public sealed class CreateSiteInput
{
    public string? Name { get; set; }
    public string? DisplayName { get; set; }
    public string? Prefix { get; set; }

    /// <summary>One host name per line.</summary>
    public string? Hosts { get; set; }
    public string? Recipe { get; set; }
}
