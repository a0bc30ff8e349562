using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;

namespace Network.Tests.Calls;

/// <summary>The call's state follows its publication, its dates to the second and its round.</summary>
public sealed class CallFoundationTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private static readonly DateTime Opens = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Closes = new(2026, 4, 15, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_state_follows_publication_dates_and_round()
    {
        var fields = CallsTestKit.Fields(Opens, Closes);
        var round = new CallRound();
        Assert.Equal(CallState.Draft, CallPhase.Of(false, fields, round, Opens.AddDays(1)));
        Assert.Equal(CallState.Upcoming, CallPhase.Of(true, fields, round, Opens.AddSeconds(-1)));
        Assert.Equal(CallState.Open, CallPhase.Of(true, fields, round, Opens));
        Assert.Equal(CallState.Open, CallPhase.Of(true, fields, round, Closes.AddSeconds(-1)));
        Assert.Equal(CallState.Closed, CallPhase.Of(true, fields, round, Closes));
        round.ReviewStartedUtc = Closes.AddDays(1);
        Assert.Equal(CallState.UnderReview, CallPhase.Of(true, fields, round, Closes.AddDays(2)));
        round.ResultsPublishedUtc = Closes.AddDays(30);
        Assert.Equal(CallState.ResultsPublished, CallPhase.Of(true, fields, round, Closes.AddDays(31)));
    }

    [Fact]
    public void A_submission_one_second_late_is_out_of_time()
    {
        var fields = CallsTestKit.Fields(Opens, Closes);
        Assert.False(CallPhase.AcceptsSubmissions(fields, Opens.AddTicks(-1)));
        Assert.True(CallPhase.AcceptsSubmissions(fields, Closes.AddSeconds(-1)));
        Assert.False(CallPhase.AcceptsSubmissions(fields, Closes));
        Assert.False(CallPhase.AcceptsSubmissions(fields, Closes.AddSeconds(1)));
    }

    [Fact]
    public void Inconsistent_definitions_are_refused_with_a_message_per_field()
    {
        var type = new CallType();
        var fields = CallsTestKit.Fields(Closes, Opens);
        fields.MaxAmountPerProject = 500_000m;
        fields.MaxFundingRatePercent = 120m;
        fields.Criteria.Add(new("innovation", "Doublon", "", 1m, 0));
        fields.EligibleApplicants.Add("inconnu");
        var errors = type.Validate(fields).Select(e => e.Field).ToList();
        Assert.Contains("ClosesUtc", errors);
        Assert.Contains("MaxAmountPerProject", errors);
        Assert.Contains("MaxFundingRatePercent", errors);
        Assert.Contains("Criteria", errors);
        Assert.Contains("Criteria[3].MaxScore", errors);
        Assert.Contains("EligibleApplicants", errors);
        Assert.Empty(type.Validate(CallsTestKit.Fields(Opens, Closes)));
    }

    [Fact]
    public async Task A_call_and_a_submitted_application_are_stored_in_the_region_only()
    {
        var call = await factory.CreateOpenCallAsync("hauts-de-france", "Appel de fondation");
        Assert.Equal(CallState.Open, call.State);
        var applicant = await factory.PersonAsync("hauts-de-france", Network.Core.Security.NetworkRoles.Member, "Alix Candidate");
        var application = await factory.AddSubmittedApplicationAsync("hauts-de-france", call, applicant);
        Assert.Equal("ADNI-2026-0001", application.Reference);

        var other = await factory.InTenantAsync("nouvelle-aquitaine", sp => sp.GetRequiredService<CallRounds>().FindAsync(call.Id));
        Assert.Null(other);
        var stored = await factory.InTenantAsync("hauts-de-france", sp => sp.GetRequiredService<CallsDbContext>().Applications.FindAsync(application.Id).AsTask());
        Assert.Equal("Visite sonore du beffroi", ApplicationForm.Read(stored!.FormJson).ProjectTitle);
    }
}
