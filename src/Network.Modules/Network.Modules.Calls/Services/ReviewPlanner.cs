namespace Network.Modules.Calls.Services;

/// <summary>An application as the even assignment sees it: who applied, who already reviews it, who may not.</summary>
/// <param name="Excluded">Reviewers who declared a conflict of interest with it (their assignment was removed).</param>
public sealed record PlannedApplication(int Id, string ApplicantUserId, IReadOnlyCollection<string> Reviewers, IReadOnlyCollection<string> Excluded);

/// <summary>One new assignment the plan proposes.</summary>
public sealed record PlannedAssignment(int ApplicationId, string ReviewerUserId);

/// <summary>
/// "Répartir équitablement": gives each application up to <c>perApplication</c> reviewers from the pool, keeping the
/// assignments already made, never the applicant themself nor a reviewer who declared a conflict with it, and always
/// handing the next review to the least loaded reviewer (ties broken by user id), so the same inputs give the same
/// plan and loads differ by at most one whenever the exclusions allow it.
/// </summary>
public static class ReviewPlanner
{
    public static IReadOnlyList<PlannedAssignment> Distribute(IEnumerable<PlannedApplication> applications, IEnumerable<string> pool, int perApplication)
    {
        var reviewers = pool.Distinct().Order(StringComparer.Ordinal).ToList();
        var ordered = applications.OrderBy(a => a.Id).ToList();
        // The load counts every assignment of the call, including those to reviewers no longer in the pool.
        var load = reviewers.ToDictionary(r => r, _ => 0, StringComparer.Ordinal);
        foreach (var reviewer in ordered.SelectMany(a => a.Reviewers))
        {
            if (load.ContainsKey(reviewer)) load[reviewer]++;
        }

        var plan = new List<PlannedAssignment>();
        // Applications with the fewest reviews are served first, so a short pool spreads over every application
        // instead of filling the first ones.
        for (var round = 0; round < perApplication; round++)
        {
            foreach (var application in ordered)
            {
                var current = application.Reviewers.Count + plan.Count(p => p.ApplicationId == application.Id);
                if (current > round) continue;
                var taken = application.Reviewers.Concat(plan.Where(p => p.ApplicationId == application.Id).Select(p => p.ReviewerUserId)).ToHashSet(StringComparer.Ordinal);
                var chosen = reviewers
                    .Where(r => r != application.ApplicantUserId && !taken.Contains(r) && !application.Excluded.Contains(r))
                    .OrderBy(r => load[r]).ThenBy(r => r, StringComparer.Ordinal)
                    .FirstOrDefault();
                if (chosen is null) continue;
                plan.Add(new PlannedAssignment(application.Id, chosen));
                load[chosen]++;
            }
        }
        return plan;
    }
}
