using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Network.Tests.Infrastructure;

/// <summary>Reads pages and submits their forms the way a browser would (antiforgery token included).</summary>
public static class HtmlForms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"GET {url} answered {(int)response.StatusCode}: {html[..Math.Min(html.Length, 2000)]}");
        return Parser.ParseDocument(html);
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>Fills the form matched by <paramref name="formSelector"/> with its own hidden fields plus <paramref name="fields"/> and posts it.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl, string formSelector, IDictionary<string, string> fields)
    {
        var document = await client.GetDocumentAsync(pageUrl);
        var form = document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>())
        {
            if (!fields.ContainsKey(input.Name!)) values.Add(new(input.Name!, input.Value));
        }
        values.AddRange(fields);
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>
    /// Every field of the form matched by <paramref name="formSelector"/> as a browser would post it (hidden and text
    /// inputs, text areas, checked boxes, selected options; no buttons or files), with <paramref name="changes"/>
    /// replacing or adding values and the fields named in <paramref name="remove"/> left out.
    /// </summary>
    public static List<KeyValuePair<string, string>> FormValues(IHtmlDocument document, string formSelector,
        IDictionary<string, string>? changes = null, params string[] remove)
    {
        var form = document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' in the page");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked) values.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlInputElement input when input.Type is "file" or "submit" or "button":
                    break;
                case IHtmlInputElement input:
                    values.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    values.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement select:
                    values.Add(new(select.Name!, select.Value ?? ""));
                    break;
            }
        }
        values.RemoveAll(v => remove.Contains(v.Key) || (changes?.ContainsKey(v.Key) ?? false));
        if (changes is not null) values.AddRange(changes);
        return values;
    }
}
