using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;

namespace Network.Tests.Calls;

/// <summary>The ranking's arithmetic: weighted percentages, mean, spread, divergence and ties.</summary>
public sealed class ReviewRankingTests
{
    // Weights 2, 1.5, 1; maxima 10, 10, 5: the best total is 2×10 + 1.5×10 + 1×5 = 40.
    private static readonly IReadOnlyList<CallCriterion> Criteria = CallsTestKit.Fields(DateTime.UtcNow, DateTime.UtcNow.AddDays(1)).Criteria;

    private static RankedApplicationInput App(int id, string reference) => new(id, reference, $"Projet {id}", $"Structure {id}");

    private static RankedReviewInput Review(int applicationId, string reviewer, decimal? innovation, decimal? publics, decimal? faisabilite, ReviewStatus status = ReviewStatus.Submitted)
        => new(applicationId, reviewer, reviewer, status,
            [new("innovation", innovation, ""), new("publics", publics, ""), new("faisabilite", faisabilite, "")], ReviewOpinion.Favourable, "");

    [Fact]
    public void A_review_total_is_its_weighted_sum_as_a_percentage_of_the_best()
    {
        var (percent, missing) = ReviewRanking.Total(Criteria, Review(1, "a", 8, 6, 4).Scores);
        // 2×8 + 1.5×6 + 1×4 = 29 of 40.
        Assert.Equal(72.5m, percent);
        Assert.Equal(0, missing);
        Assert.Equal(100m, ReviewRanking.Total(Criteria, Review(1, "a", 10, 10, 5).Scores).Percent);
        Assert.Equal(0m, ReviewRanking.Total(Criteria, Review(1, "a", 0, 0, 0).Scores).Percent);
    }

    [Fact]
    public void Mean_and_spread_across_reviewers_and_the_divergence_flag()
    {
        var rows = ReviewRanking.Rank(Criteria, [App(1, "R-1"), App(2, "R-2")],
        [
            Review(1, "a", 10, 10, 5), // 100
            Review(1, "b", 6, 6, 3),   // 60
            Review(2, "a", 8, 6, 4),   // 72.5
            Review(2, "b", 8, 6, 4),   // 72.5
        ], 2);
        var first = rows[0];
        Assert.Equal(1, first.Application.Id);
        Assert.Equal(80m, first.Mean);
        Assert.Equal(20m, first.Spread);
        Assert.True(first.Divergent);
        Assert.Equal(2, first.ReviewsDone);
        Assert.Equal(2, first.ReviewsExpected);
        var second = rows[1];
        Assert.Equal(72.5m, second.Mean);
        Assert.Equal(0m, second.Spread);
        Assert.False(second.Divergent);
        Assert.Equal([1, 2], rows.Select(r => r.Rank!.Value));
    }

    [Fact]
    public void A_spread_of_exactly_the_threshold_is_not_a_divergence()
    {
        // 50 and 80 → mean 65, population standard deviation 15.
        var rows = ReviewRanking.Rank(Criteria, [App(1, "R-1")], [Review(1, "a", 5, 5, 2.5m), Review(1, "b", 8, 8, 4)], 2);
        Assert.Equal(15m, rows[0].Spread);
        Assert.False(rows[0].Divergent);
    }

    [Fact]
    public void No_submitted_review_gives_no_rank_and_comes_last()
    {
        var rows = ReviewRanking.Rank(Criteria, [App(1, "R-1"), App(2, "R-2")],
            [Review(1, "a", 10, 10, 5, ReviewStatus.InProgress), Review(2, "a", 1, 1, 1)], 3);
        Assert.Equal(2, rows[0].Application.Id);
        var unreviewed = rows[1];
        Assert.Null(unreviewed.Rank);
        Assert.Null(unreviewed.Mean);
        Assert.Null(unreviewed.Spread);
        Assert.False(unreviewed.Divergent);
        Assert.Equal(0, unreviewed.ReviewsDone);
        Assert.Equal(3, unreviewed.ReviewsExpected);
    }

    [Fact]
    public void One_review_has_no_spread()
    {
        var row = Assert.Single(ReviewRanking.Rank(Criteria, [App(1, "R-1")], [Review(1, "a", 8, 6, 4)], 2));
        Assert.Equal(72.5m, row.Mean);
        Assert.Equal(0m, row.Spread);
        Assert.False(row.Divergent);
        Assert.Equal(1, row.ReviewsDone);
        Assert.Equal(2, row.ReviewsExpected);
    }

    [Fact]
    public void Equal_means_share_a_rank_and_keep_the_reference_order()
    {
        var rows = ReviewRanking.Rank(Criteria, [App(3, "R-3"), App(1, "R-1"), App(2, "R-2")],
            [Review(3, "a", 8, 6, 4), Review(1, "a", 8, 6, 4), Review(2, "a", 2, 2, 2)], 1);
        Assert.Equal(["R-1", "R-3", "R-2"], rows.Select(r => r.Application.Reference));
        Assert.Equal([1, 1, 3], rows.Select(r => r.Rank!.Value));
    }

    [Fact]
    public void A_criterion_added_after_scoring_is_left_out_of_that_review_and_reported()
    {
        var criteria = Criteria.Append(new CallCriterion("impact", "Impact territorial", "", 3m, 10)).ToList();
        var row = Assert.Single(ReviewRanking.Rank(criteria, [App(1, "R-1")], [Review(1, "a", 8, 6, 4)], 1));
        // Still 29 of 40: the new criterion counts neither as a zero nor in the best total.
        Assert.Equal(72.5m, row.Mean);
        Assert.True(row.HasMissingCriteria);
        Assert.Equal(1, row.Reviews[0].MissingCriteria);
    }

    [Fact]
    public void A_criterion_removed_from_the_call_no_longer_counts()
    {
        var criteria = Criteria.Where(c => c.Key != "faisabilite").ToList();
        var row = Assert.Single(ReviewRanking.Rank(criteria, [App(1, "R-1")], [Review(1, "a", 10, 0, 0)], 1));
        // 2×10 of 2×10 + 1.5×10 = 35.
        Assert.Equal(57.14m, row.Mean);
        Assert.False(row.HasMissingCriteria);
    }

    [Fact]
    public void More_reviewers_assigned_than_the_setting_raise_the_expected_count()
    {
        var rows = ReviewRanking.Rank(Criteria, [App(1, "R-1")],
            [Review(1, "a", 8, 6, 4), Review(1, "b", 8, 6, 4, ReviewStatus.InProgress), Review(1, "c", null, null, null, ReviewStatus.Assigned)], 2);
        Assert.Equal(1, rows[0].ReviewsDone);
        Assert.Equal(3, rows[0].ReviewsExpected);
    }
}
