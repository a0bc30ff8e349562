using Microsoft.Playwright;
using Network.BrowserTests.Infrastructure;
using Network.Modules.Media.Imaging;

namespace Network.BrowserTests.Showcases;

/// <summary>
/// The pages of writing and moderating a showcase, each in the state people meet it in: the editor refusing bad
/// input (French and English), the editor of a saved draft with a gallery image, the workflow page, the history
/// and a comparison of two versions. axe-core finds no violation, the HTML has no inline script or style;
/// screenshots under screenshots/.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ShowcaseEditingAccessibilityTests(BrowserFixture browser)
{
    private const string Region = "/hauts-de-france";

    [Fact]
    public async Task Editor_with_errors_draft_workflow_history_and_comparison_pass_axe()
    {
        await using var context = await browser.NewAdministratorContextAsync();
        var page = await context.NewPageAsync();

        // Bad input: no title, an amount and a year in words. Refused with the summary linked to the fields, in both languages.
        await GotoCheckedAsync(page, $"{Region}/admin/projets/nouveau");
        await SubmitBadInputAsync(page);
        Assert.Contains("Rien n'a été enregistré", await page.InnerTextAsync("#erreurs"));
        Assert.Equal("dix-huit mille", await page.InputValueAsync("#form-amountgranted"));
        await browser.AssertAccessibleAsync(page, "admin-projet-erreurs-fr");
        await BrowserFixture.SwitchLanguageAsync(page, "en");
        await SubmitBadInputAsync(page);
        Assert.Contains("Nothing was saved", await page.InnerTextAsync("#erreurs"));
        await browser.AssertAccessibleAsync(page, "admin-projet-erreurs-en");
        await BrowserFixture.SwitchLanguageAsync(page, "fr");

        // A draft with an image in its gallery: the editor of an existing item.
        await GotoCheckedAsync(page, $"{Region}/admin/projets/nouveau");
        await page.FillAsync("#common-title", "Carnet numérique des orgues de Picardie");
        await page.FillAsync("#common-summary", "Un inventaire en ligne des orgues de la Somme et de l'Oise, avec photographies et enregistrements.");
        await page.ClickAsync("#form-domains label:text-is('Musique')");
        await page.SetInputFilesAsync("#form-newimage-file", new FilePayload { Name = "orgue.jpg", MimeType = "image/jpeg", Buffer = SampleImages.Jpeg(900, 600, seed: 80) });
        await page.FillAsync("#form-newimage-alt", "Le buffet d'orgue d'une église picarde, tuyaux en façade");
        await page.ClickAsync("#showcase-save");
        await page.WaitForLoadStateAsync(LoadState.Load);
        var editor = new Uri(page.Url).AbsolutePath;
        var id = int.Parse(editor[(editor.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, await page.Locator("#form-gallery fieldset.reseau-gallery-row").CountAsync());

        // A second version, so that the history has two to compare.
        await page.FillAsync("#common-summary", "Un inventaire en ligne des orgues de la Somme et de l'Oise : photographies, enregistrements et histoire de chaque instrument.");
        await page.ClickAsync("#showcase-save");
        await page.WaitForLoadStateAsync(LoadState.Load);
        await GotoCheckedAsync(page, editor);
        await browser.AssertAccessibleInFrenchAndEnglishAsync(page, "admin-projet-modifier");
        await BrowserFixture.SwitchLanguageAsync(page, "fr");

        // The workflow page and the history in French; the comparison, the richest of them, in both languages.
        await GotoCheckedAsync(page, $"{Region}/admin/contenus/{id}");
        await browser.AssertAccessibleAsync(page, "admin-contenu-circuit-fr");
        await GotoCheckedAsync(page, $"{Region}/admin/contenus/{id}/historique");
        await browser.AssertAccessibleAsync(page, "admin-contenu-historique-fr");
        await GotoCheckedAsync(page, $"{Region}/admin/contenus/{id}/historique?de=1&a=2");
        await browser.AssertAccessibleInFrenchAndEnglishAsync(page, "admin-contenu-comparaison");
        await BrowserFixture.SwitchLanguageAsync(page, "fr");
        Assert.Contains("Résumé", await page.InnerTextAsync("#comparison tr.diff-changed"));
        // The radio buttons choosing the versions are drawn (their labels are for screen readers only).
        foreach (var radio in new[] { "de-1", "a-2" })
        {
            var box = await page.Locator($"label[for={radio}]").BoundingBoxAsync();
            Assert.True(box is { Width: >= 16, Height: >= 16 }, $"The radio button {radio} is not drawn: {box?.Width}×{box?.Height}.");
        }
    }

    private static async Task SubmitBadInputAsync(IPage page)
    {
        await page.FillAsync("#common-title", "");
        await page.FillAsync("#form-amountgranted", "dix-huit mille");
        await page.FillAsync("#form-year", "deux mille vingt");
        await page.ClickAsync("#showcase-save");
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>Opens the page, expects 200 and checks the HTML the server sent against the CSP rules.</summary>
    private static async Task GotoCheckedAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response?.Ok, $"{path} answered {response?.Status}");
        CspMarkup.AssertNoInlineScriptOrStyle(await response!.TextAsync(), path);
        await page.WaitForLoadStateAsync(LoadState.Load);
    }
}
