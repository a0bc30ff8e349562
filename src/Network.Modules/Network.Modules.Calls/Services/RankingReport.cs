using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Network.Modules.Calls.Data;

namespace Network.Modules.Calls.Services;

/// <summary>Loads a call's applications and reviews for <see cref="ReviewRanking"/>, and writes the jury's CSV.</summary>
public sealed class RankingReport(CallsDbContext db)
{
    public async Task<IReadOnlyList<RankingRow>> RankAsync(CallView call, CancellationToken cancellationToken = default)
    {
        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.CallId == call.Id && a.Status == ApplicationStatus.Submitted)
            .Select(a => new RankedApplicationInput(a.Id, a.Reference, a.ProjectTitle, a.OrganisationName))
            .ToListAsync(cancellationToken);
        var reviews = (await db.Reviews.AsNoTracking().Where(r => r.CallId == call.Id).ToListAsync(cancellationToken))
            .Select(r => new RankedReviewInput(r.ApplicationId, r.ReviewerUserId, r.ReviewerName, r.Status, r.ReadScores(), r.Opinion, r.OverallComment));
        return ReviewRanking.Rank(call.Fields.Criteria, applications, reviews, call.Round.ReviewsPerApplication);
    }

    /// <summary>
    /// One line per submitted review (an application without any has one line with its totals empty), so every score
    /// and comment is there to justify the jury's choices; the application's columns repeat on each of its lines.
    /// Numbers use a decimal point (the file is comma-separated). Written by Core's <see cref="Network.Core.Text.Csv"/>,
    /// with a byte-order mark in front: coordinators open it in Excel, which reads the accents wrong without one.
    /// </summary>
    public static byte[] Csv(IReadOnlyList<CallCriterion> criteria, IReadOnlyList<RankingRow> rows)
    {
        var lines = new List<IEnumerable<string?>>();
        var header = new List<string> { "Rang", "Référence", "Projet", "Organisation", "Moyenne (%)", "Écart-type (points)", "Évaluations rendues", "Évaluations attendues", "Divergence", "Évaluateur", "Total de l'évaluation (%)" };
        foreach (var criterion in criteria)
        {
            header.Add($"{criterion.Label} (note sur {criterion.MaxScore}, coefficient {Number(criterion.Weight)})");
            header.Add($"{criterion.Label} (commentaire)");
        }
        header.Add("Avis");
        header.Add("Commentaire général");
        foreach (var row in rows)
        {
            var application = new List<string?>
            {
                row.Rank?.ToString(CultureInfo.InvariantCulture), row.Application.Reference, row.Application.ProjectTitle, row.Application.OrganisationName,
                Number(row.Mean), Number(row.Spread), row.ReviewsDone.ToString(CultureInfo.InvariantCulture), row.ReviewsExpected.ToString(CultureInfo.InvariantCulture),
                row.Divergent ? "oui" : "non",
            };
            if (row.Reviews.Count == 0)
            {
                lines.Add(application.Concat(Enumerable.Repeat<string?>("", 2 + criteria.Count * 2 + 2)).ToList());
                continue;
            }
            foreach (var total in row.Reviews)
            {
                var cells = new List<string?>(application) { total.Review.ReviewerName, Number(total.Percent) };
                foreach (var criterion in criteria)
                {
                    var score = total.Review.Scores.FirstOrDefault(s => s.Criterion == criterion.Key);
                    cells.Add(Number(score?.Score));
                    cells.Add(score?.Comment);
                }
                cells.Add(ReviewLabels.Opinion(total.Review.Opinion));
                cells.Add(total.Review.OverallComment);
                lines.Add(cells);
            }
        }
        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(Network.Core.Text.Csv.Write(header, lines))];
    }

    private static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
}
