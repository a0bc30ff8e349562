using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Data;
using Network.Core.Recipes;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Events.Data;
using Network.Modules.Events.Services;
using Network.Tests.Content;
using Network.Tests.Tenancy;

namespace Network.Tests.Events;

/// <summary>The Events recipe step reports every problem of an events file before anything is written.</summary>
public sealed class EventsStepValidationTests : IClassFixture<RecipeTestFactory>
{
    private readonly RecipeTestFactory _factory;

    public EventsStepValidationTests(RecipeTestFactory factory)
    {
        _factory = factory;
        _factory.Settings["Network:SampleContent"] = "true";
        Directory.CreateDirectory(Path.Combine(_factory.RecipesPath, "content"));
    }

    private void WriteEvents(string region, string json) => File.WriteAllText(Path.Combine(_factory.RecipesPath, "content", region + ".events.json"), json);

    private const string Valid = """
        {
          "title": "Journée d'essai", "summary": "Une journée.", "day": 30, "start": "09:00", "end": "17:00", "registrationOpensInDays": -3,
          "fields": { "kind": "journee-etude", "venueName": "Salle des fêtes", "city": "Rennes", "postalCode": "35000", "capacity": 50 },
          "sessions": [
            { "key": "pleniere", "title": "Plénière", "start": "09:00", "end": "12:00" },
            { "key": "atelier-a", "title": "Atelier A", "start": "14:00", "end": "15:30", "workshop": true, "capacity": 10 },
            { "key": "atelier-b", "title": "Atelier B", "start": "14:00", "end": "15:30", "workshop": true, "capacity": 10 }
          ],
          "registrations": [ { "name": "Anne Essai", "organisation": "Musée d'essai", "workshops": ["atelier-a"] } ]
        }
        """;

    private async Task<RecipeException> FailsAsync(string name, string recipe = "region")
    {
        var exception = await Assert.ThrowsAsync<RecipeException>(() => _factory.Service<TenantManager>().CreateAsync(new TenantCreation(name, name, recipe)));
        Assert.Null(await _factory.Service<TenantManager>().FindRecordAsync(name));
        Assert.False(_factory.Service<IDatabaseProvider>().TenantStorageExists(name));
        return exception;
    }

    [Fact]
    public async Task Every_problem_of_an_events_file_is_reported_with_its_field_and_nothing_is_written()
    {
        WriteEvents("bretagne", $$"""
            { "events": [
              {{Valid}},
              { "title": "Journée d'essai", "day": 30, "start": "9h", "end": "25:00", "registrationOpensInDays": -3, "fields": { "kind": "colloque", "capacity": 0, "startUtc": "2030-01-01T00:00:00Z" }, "colour": "bleu" },
              { "title": "Webinaire sans lien", "day": 5, "start": "11:00", "end": "12:00", "registrationOpensInDays": -3, "fields": { "kind": "webinaire", "online": true, "capacity": 10 } },
              { "title": "Ateliers en conflit", "day": 10, "start": "09:00", "end": "17:00", "registrationOpensInDays": -3,
                "fields": { "kind": "atelier", "venueName": "Salle", "city": "Brest", "capacity": 2 },
                "sessions": [
                  { "key": "a", "title": "A", "start": "14:00", "end": "15:00", "workshop": true, "capacity": 1 },
                  { "key": "b", "title": "B", "start": "14:30", "end": "15:30", "workshop": true, "capacity": 1 },
                  { "key": "c", "title": "C", "start": "16:00", "end": "18:00", "workshop": true }
                ],
                "registrations": [
                  { "name": "Paul Essai", "workshops": ["a", "b"], "present": true },
                  { "name": "Paul Essai", "workshops": ["a", "inconnu"] },
                  { "name": "Lise Essai" }
                ] },
              { "title": "Trop tôt", "day": 20, "start": "10:00", "end": "11:00", "registrationOpensInDays": 5, "fields": { "kind": "rencontre", "venueName": "Salle", "city": "Vannes", "capacity": 5 },
                "registrations": [ { "name": "Jean Essai" } ] },
              { "title": "Mauvais types", "day": "demain", "start": "10:00", "end": "11:00", "registrationOpensInDays": 0, "fields": { "kind": "atelier" } }
            ] }
            """);

        var exception = await FailsAsync("bretagne");

        var fields = exception.Errors.Select(e => e.Field).ToList();
        Assert.All(exception.Errors, e => Assert.Equal(exception.Errors[0].StepIndex, e.StepIndex));
        const string file = "content/bretagne.events.json : ";
        foreach (var expected in new[]
        {
            "events[1].title", "events[1].colour", "events[1].fields.startUtc", "events[1].start", "events[1].end",
            "events[2].setup.onlineJoinUrl",
            "events[3].sessions[2].capacity", "events[3].sessions[2].start", "events[3].registrations[0].workshops", "events[3].registrations[0].present",
            "events[3].registrations[1].name", "events[3].registrations[1].workshops", "events[3].registrations",
            "events[4].registrations",
            "events[5].day",
        })
            Assert.Contains(file + expected, fields);
        Assert.DoesNotContain(fields, f => f.StartsWith(file + "events[0]", StringComparison.Ordinal));
        Assert.Contains(exception.Errors, e => e.Field == file + "events[1].start" && e.Message.Contains("HH:mm"));
        Assert.Contains(exception.Errors, e => e.Field == file + "events[3].registrations[0].workshops" && e.Message.Contains("même temps"));
        Assert.Contains(exception.Errors, e => e.Field == file + "events[3].registrations[1].workshops" && e.Message.Contains("inconnu"));
    }

    [Fact]
    public async Task A_file_that_is_not_json_names_its_line_and_a_missing_required_file_is_named()
    {
        WriteEvents("corse", "{ \"events\": [ { \"title\": \"Journée\", } ");
        var exception = await FailsAsync("corse");
        Assert.Contains(exception.Errors, e => e.Field == "content/corse.events.json" && e.Message.Contains("ligne"));

        _factory.WriteRegionRecipeWith("region-evenements-absents", new JsonObject { ["name"] = "Events", ["file"] = "content/absent.events.json" });
        exception = await FailsAsync("normandie", "region-evenements-absents");
        Assert.Contains(exception.Errors, e => e.Field == "file" && e.Message.Contains("introuvable") && e.Message.Contains("absent.events.json"));

        WriteEvents("guyane", """[ "pas un objet" ]""");
        exception = await FailsAsync("guyane");
        Assert.Contains(exception.Errors, e => e.Field == "content/guyane.events.json" && e.Message.Contains("events"));
    }

    [Fact]
    public async Task A_file_outside_the_recipes_folder_or_a_recipe_without_the_module_is_refused()
    {
        _factory.WriteRegionRecipeWith("region-evasion", new JsonObject { ["name"] = "Events", ["file"] = "../../etc/passwd" });
        var exception = await FailsAsync("mayotte", "region-evasion");
        Assert.Contains(exception.Errors, e => e.Field == "file" && e.Message.Contains("dossier des recettes"));

        // The region recipe with the Events module left out of its features: its Events step must say so.
        var recipe = JsonNode.Parse(File.ReadAllText(Path.Combine(_factory.RecipesPath, "region.recipe.json")))!.AsObject();
        recipe["name"] = "sans-evenements";
        var enable = recipe["steps"]!.AsArray().Single(step => (string?)step!["name"] == "Feature")!["enable"]!.AsArray();
        enable.Remove(enable.Single(feature => (string?)feature == "Events"));
        _factory.WriteRecipe("sans-evenements", recipe.ToJsonString());
        exception = await FailsAsync("reunion", "sans-evenements");
        Assert.Contains(exception.Errors, e => e.Field == "name" && e.Message.Contains("Events"));
    }

    [Fact]
    public async Task A_failure_after_the_events_were_imported_rolls_the_whole_tenant_back()
    {
        WriteEvents("occitanie", $$"""{ "events": [ {{Valid}} ] }""");
        _factory.WriteRegionRecipeWith("region-echec-evenements", new JsonObject { ["name"] = "Fail", ["message"] = "panne simulée" });

        await Assert.ThrowsAnyAsync<Exception>(() => _factory.Service<TenantManager>().CreateAsync(new TenantCreation("occitanie", "Occitanie", "region-echec-evenements")));

        Assert.Null(await _factory.Service<TenantManager>().FindRecordAsync("occitanie"));
        Assert.False(_factory.Service<IDatabaseProvider>().TenantStorageExists("occitanie"));
        Assert.False(Directory.Exists(Path.Combine(_factory.DataPath, "tenants", "occitanie")));
    }

    [Fact]
    public async Task A_valid_file_creates_the_published_event_its_registrations_and_seat_counters()
    {
        WriteEvents("bourgogne", $$"""{ "events": [ {{Valid}} ] }""");
        await _factory.Service<TenantManager>().CreateAsync(new TenantCreation("bourgogne", "Bourgogne", "region"));

        var view = await _factory.InTenantAsync("bourgogne", async sp =>
        {
            var id = await sp.GetRequiredService<ContentDbContext>().Items.Where(i => i.ContentType == EventType.TypeName).Select(i => i.Id).SingleAsync();
            return (await sp.GetRequiredService<EventSetups>().FindAsync(id))!;
        });
        Assert.Equal(EventState.Scheduled, view.State);
        Assert.Equal(49, view.SeatsLeft);
        Assert.Equal(9, view.WorkshopSeatsLeft("atelier-a"));
        Assert.Equal(10, view.WorkshopSeatsLeft("atelier-b"));
        var registration = await _factory.InTenantAsync("bourgogne", sp => sp.GetRequiredService<EventsDbContext>().Registrations.AsNoTracking().SingleAsync());
        Assert.Equal("anne.essai@exemple.invalid", registration.Email);
        Assert.Equal(RegistrationStatus.Confirmed, registration.Status);
        Assert.Null(registration.CheckedInUtc);
    }
}
