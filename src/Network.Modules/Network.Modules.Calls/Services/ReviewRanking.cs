using Network.Modules.Calls.Data;

namespace Network.Modules.Calls.Services;

/// <summary>An application to rank (submitted), with what identifies it for the coordinators.</summary>
public sealed record RankedApplicationInput(int Id, string? Reference, string ProjectTitle, string OrganisationName);

/// <summary>A review as the ranking reads it; only submitted ones count.</summary>
public sealed record RankedReviewInput(int ApplicationId, string ReviewerUserId, string ReviewerName, ReviewStatus Status,
    IReadOnlyList<CriterionScore> Scores, ReviewOpinion Opinion, string OverallComment);

/// <summary>One submitted review's weighted total.</summary>
/// <param name="Percent">Σ weight × score ÷ Σ weight × max, × 100, over the criteria this review scored.</param>
/// <param name="MissingCriteria">Criteria of the call this review has no score for (added after it was submitted).</param>
public sealed record ReviewTotal(RankedReviewInput Review, decimal Percent, int MissingCriteria);

/// <summary>A row of the ranking table.</summary>
/// <param name="Rank">1 for the best mean; equal means share a rank ("1, 1, 3"); null without any submitted review.</param>
/// <param name="Mean">Mean of the reviews' percentages; null without any submitted review.</param>
/// <param name="Spread">Population standard deviation of the reviews' percentages (0 with one review).</param>
public sealed record RankingRow(RankedApplicationInput Application, int? Rank, decimal? Mean, decimal? Spread, int ReviewsDone, int ReviewsExpected,
    bool Divergent, IReadOnlyList<ReviewTotal> Reviews)
{
    public bool HasMissingCriteria => Reviews.Any(r => r.MissingCriteria > 0);
}

/// <summary>
/// The ranking of a call's applications from the submitted reviews. Each review's weighted total is a percentage of
/// the best possible total (Σ weight × score ÷ Σ weight × max), so calls with different scales compare and an
/// application's reviews average fairly; the spread says how far the reviewers disagree.
/// </summary>
public static class ReviewRanking
{
    /// <summary>
    /// Reviews diverge when their standard deviation exceeds 15 points of percentage: for two reviewers, totals more
    /// than 30 points apart (say 45 % and 80 %), which is one reviewer finding the project weak and the other strong,
    /// a case the jury should discuss rather than average away. Smaller gaps are ordinary differences of taste.
    /// </summary>
    public const decimal DivergenceThreshold = 15m;

    /// <summary>
    /// The weighted total of one review as a percentage, over the call's current criteria that the review scored: a
    /// criterion removed from the call no longer counts, and a criterion added after the review was submitted is left
    /// out of both sides of the fraction (and reported as missing) rather than counted as a zero the reviewer never gave.
    /// Null when the review scored none of the current criteria.
    /// </summary>
    public static (decimal? Percent, int Missing) Total(IReadOnlyList<CallCriterion> criteria, IReadOnlyList<CriterionScore> scores)
    {
        decimal earned = 0, possible = 0;
        var missing = 0;
        foreach (var criterion in criteria)
        {
            var score = scores.FirstOrDefault(s => s.Criterion == criterion.Key)?.Score;
            if (score is null)
            {
                missing++;
                continue;
            }
            earned += criterion.Weight * Math.Clamp(score.Value, 0, criterion.MaxScore);
            possible += criterion.Weight * criterion.MaxScore;
        }
        return (possible > 0 ? Math.Round(earned / possible * 100m, 2) : null, missing);
    }

    public static IReadOnlyList<RankingRow> Rank(IReadOnlyList<CallCriterion> criteria, IEnumerable<RankedApplicationInput> applications,
        IEnumerable<RankedReviewInput> reviews, int reviewsPerApplication)
    {
        var byApplication = reviews.ToLookup(r => r.ApplicationId);
        var rows = new List<RankingRow>();
        foreach (var application in applications)
        {
            var totals = new List<ReviewTotal>();
            foreach (var review in byApplication[application.Id].Where(r => r.Status == ReviewStatus.Submitted).OrderBy(r => r.ReviewerName, StringComparer.CurrentCulture).ThenBy(r => r.ReviewerUserId, StringComparer.Ordinal))
            {
                var (percent, missing) = Total(criteria, review.Scores);
                if (percent is { } value) totals.Add(new ReviewTotal(review, value, missing));
            }
            decimal? mean = null, spread = null;
            if (totals.Count > 0)
            {
                var m = totals.Average(t => t.Percent);
                var variance = totals.Sum(t => (t.Percent - m) * (t.Percent - m)) / totals.Count;
                mean = Math.Round(m, 2);
                spread = Math.Round((decimal)Math.Sqrt((double)variance), 2);
            }
            // Expected: the call's setting, or more when coordinators assigned more reviewers by hand.
            var expected = Math.Max(reviewsPerApplication, byApplication[application.Id].Count());
            rows.Add(new RankingRow(application, null, mean, spread, totals.Count, expected,
                spread > DivergenceThreshold, totals));
        }

        // Best mean first; applications without a review last; equal means by reference, so the order never wobbles.
        var sorted = rows.OrderBy(r => r.Mean is null).ThenByDescending(r => r.Mean)
            .ThenBy(r => r.Application.Reference ?? "", StringComparer.Ordinal).ThenBy(r => r.Application.Id).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            if (sorted[i].Mean is null) break;
            var rank = i > 0 && sorted[i - 1].Mean == sorted[i].Mean ? sorted[i - 1].Rank : i + 1;
            sorted[i] = sorted[i] with { Rank = rank };
        }
        return sorted;
    }
}
