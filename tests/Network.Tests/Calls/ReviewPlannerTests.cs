using Network.Modules.Calls.Services;

namespace Network.Tests.Calls;

/// <summary>The even assignment: balanced, deterministic, keeps what exists, never the applicant nor a declared conflict.</summary>
public sealed class ReviewPlannerTests
{
    private static PlannedApplication App(int id, string applicant, string[]? reviewers = null, string[]? excluded = null)
        => new(id, applicant, reviewers ?? [], excluded ?? []);

    [Fact]
    public void Every_application_gets_its_reviewers_and_loads_differ_by_at_most_one()
    {
        var applications = Enumerable.Range(1, 7).Select(i => App(i, $"applicant-{i}")).ToList();
        var plan = ReviewPlanner.Distribute(applications, ["r1", "r2", "r3"], 2);
        Assert.Equal(14, plan.Count);
        Assert.All(applications, a => Assert.Equal(2, plan.Count(p => p.ApplicationId == a.Id)));
        Assert.All(applications, a => Assert.Equal(2, plan.Where(p => p.ApplicationId == a.Id).Select(p => p.ReviewerUserId).Distinct().Count()));
        var loads = plan.GroupBy(p => p.ReviewerUserId).Select(g => g.Count()).ToList();
        Assert.True(loads.Max() - loads.Min() <= 1, string.Join(",", loads));
    }

    [Fact]
    public void The_same_inputs_give_the_same_plan_whatever_their_order()
    {
        var applications = Enumerable.Range(1, 5).Select(i => App(i, $"applicant-{i}")).ToList();
        var once = ReviewPlanner.Distribute(applications, ["r1", "r2", "r3", "r4"], 2);
        var again = ReviewPlanner.Distribute(Enumerable.Reverse(applications), ["r4", "r2", "r1", "r3"], 2);
        Assert.Equal(once, again);
    }

    [Fact]
    public void Existing_assignments_are_kept_and_count_in_the_load()
    {
        var applications = new[] { App(1, "x", ["r1", "r2"]), App(2, "y", ["r1"]), App(3, "z") };
        var plan = ReviewPlanner.Distribute(applications, ["r1", "r2", "r3"], 2);
        Assert.DoesNotContain(plan, p => p.ApplicationId == 1);
        Assert.DoesNotContain(plan, p => p.ApplicationId == 2 && p.ReviewerUserId == "r1");
        Assert.Equal(3, plan.Count);
        // r1 already has two, r3 none: r3 is served first.
        Assert.Equal(new PlannedAssignment(3, "r3"), plan[0]);
        Assert.True(plan.Count(p => p.ReviewerUserId == "r1") <= 1);
    }

    [Fact]
    public void Applicants_never_review_their_own_application_nor_a_declared_conflict()
    {
        var applications = new[] { App(1, "r1"), App(2, "someone", excluded: ["r2"]) };
        var plan = ReviewPlanner.Distribute(applications, ["r1", "r2", "r3"], 3);
        Assert.DoesNotContain(plan, p => p.ApplicationId == 1 && p.ReviewerUserId == "r1");
        Assert.DoesNotContain(plan, p => p.ApplicationId == 2 && p.ReviewerUserId == "r2");
        Assert.Equal(2, plan.Count(p => p.ApplicationId == 1));
        Assert.Equal(2, plan.Count(p => p.ApplicationId == 2));
    }

    [Fact]
    public void A_pool_smaller_than_the_setting_gives_each_what_it_can()
    {
        var plan = ReviewPlanner.Distribute([App(1, "x"), App(2, "y")], ["r1"], 3);
        Assert.Equal(2, plan.Count);
        Assert.Empty(ReviewPlanner.Distribute([App(1, "x")], [], 2));
    }
}
