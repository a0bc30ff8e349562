using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;
using Network.Tests.Accounts;
using Network.Tests.Infrastructure;
using static Network.Tests.Content.ContentTestKit;

namespace Network.Tests.Content;

/// <summary>The content host with its mail going to a real SMTP server.</summary>
public sealed class ContentSmtpFixture : IDisposable
{
    public ContentSmtpFixture()
    {
        Smtp = new SmtpServerFixture();
        Factory = new ContentWebFactory();
        Smtp.ConfigureHost(Factory);
        _ = Factory.Services;
    }

    public SmtpServerFixture Smtp { get; }
    public ContentWebFactory Factory { get; }

    public void Dispose()
    {
        Factory.Dispose();
        Smtp.Dispose();
    }
}

/// <summary>Workflow mails as a real SMTP server receives them: to the region's coordinators only, in each person's language.</summary>
public sealed class ContentNotificationTests(ContentSmtpFixture fixture) : IClassFixture<ContentSmtpFixture>
{
    private ContentWebFactory Factory => fixture.Factory;

    [Fact]
    public async Task Submission_reaches_the_coordinators_of_the_region_only_and_the_author_hears_of_the_decision()
    {
        var type = Factory.Service<TestNoteType>();
        var author = await Factory.PersonAsync("hauts-de-france", "Contributor", "Léa Autrice", culture: "en");
        var french = await Factory.PersonAsync("hauts-de-france", "Coordinator", "Marc Coordinateur");
        var english = await Factory.PersonAsync("hauts-de-france", "Coordinator", "Jane Coordinator", culture: "en");
        var elsewhere = await Factory.PersonAsync("nouvelle-aquitaine", "Coordinator", "Coordination voisine");
        var title = "Numérisation des registres " + Guid.NewGuid().ToString("N")[..6];
        ContentStore Store(IServiceProvider sp) => sp.GetRequiredService<ContentStore>();
        var item = (await Factory.InTenantAsync("hauts-de-france", sp => Store(sp).CreateAsync(type, Note(title), author.Actor()))).Item!;
        item = (await Factory.InTenantAsync("hauts-de-france", sp => Store(sp).PerformAsync(item.Id, item.Version, ContentAction.Submit, author.Actor()))).Item!;
        await Factory.DrainAsync("hauts-de-france");

        var toFrench = await fixture.Smtp.WaitForMessageAsync(m => m.ToAddress == french.Email && m.Subject.Contains(title));
        Assert.Equal($"À relire : « {title} »", toFrench.Subject);
        Assert.Contains("Léa Autrice a soumis", toFrench.TextBody);
        Assert.Contains($"/hauts-de-france/admin/contenus/{item.Id}", toFrench.TextBody);
        var toEnglish = await fixture.Smtp.WaitForMessageAsync(m => m.ToAddress == english.Email && m.Subject.Contains(title));
        Assert.Equal($"To review: “{title}”", toEnglish.Subject);
        Assert.Contains("Léa Autrice submitted", toEnglish.TextBody);

        item = (await Factory.InTenantAsync("hauts-de-france", sp => Store(sp).PerformAsync(item.Id, item.Version, ContentAction.Reject, french.Actor(), reason: "Ajoutez les dates du projet."))).Item!;
        await Factory.DrainAsync("hauts-de-france");
        var rejected = await fixture.Smtp.WaitForMessageAsync(m => m.ToAddress == author.Email && m.Subject.Contains(title));
        Assert.Contains("needs another look", rejected.Subject);
        Assert.Contains("Ajoutez les dates du projet.", rejected.TextBody);
        Assert.Contains($"/hauts-de-france/admin/notes/{item.Id}", rejected.TextBody);

        item = (await Factory.InTenantAsync("hauts-de-france", sp => Store(sp).PerformAsync(item.Id, item.Version, ContentAction.Submit, author.Actor()))).Item!;
        item = (await Factory.InTenantAsync("hauts-de-france", sp => Store(sp).PerformAsync(item.Id, item.Version, ContentAction.Publish, english.Actor()))).Item!;
        await Factory.DrainAsync("hauts-de-france");
        var published = await fixture.Smtp.WaitForMessageAsync(m => m.ToAddress == author.Email && m.Subject.Contains("published"));
        Assert.Contains($"/hauts-de-france/notes/{item.Slug}", published.TextBody);

        // The second submission told both coordinators again; the neighbouring region heard nothing, and no mail was sent twice.
        Assert.Equal(2, fixture.Smtp.Messages.Count(m => m.ToAddress == french.Email && m.Subject.Contains(title)));
        Assert.DoesNotContain(fixture.Smtp.Messages, m => m.ToAddress == elsewhere.Email);
        Assert.Equal(2, fixture.Smtp.Messages.Count(m => m.ToAddress == author.Email && m.Subject.Contains(title)));
        // Replaying the feed does not resend what the worker already handed to the outbox.
        await Factory.DrainAsync("hauts-de-france");
        Assert.Equal(2, (await Factory.OutboxForAsync(author.Email)).Count);
    }
}
