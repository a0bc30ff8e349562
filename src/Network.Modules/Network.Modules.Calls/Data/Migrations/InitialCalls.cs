using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Network.Modules.Calls.Data.Migrations;

[DbContext(typeof(Network.Modules.Calls.Data.CallsDbContext))]
[Migration("20261122081850_InitialCalls")]
public sealed class InitialCalls : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "CallApplications" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_CallApplications" PRIMARY KEY AUTOINCREMENT,
                "CallId" INTEGER NOT NULL,
                "ApplicantUserId" TEXT NOT NULL,
                "ApplicantName" TEXT NOT NULL,
                "ApplicantEmail" TEXT NOT NULL,
                "Culture" TEXT NOT NULL,
                "Status" TEXT NOT NULL,
                "CurrentStep" INTEGER NOT NULL,
                "FormJson" TEXT NOT NULL,
                "ProjectTitle" TEXT NOT NULL,
                "OrganisationName" TEXT NOT NULL,
                "AmountRequested" TEXT NULL,
                "TotalBudget" TEXT NULL,
                "Reference" TEXT NULL,
                "CreatedUtc" TEXT NOT NULL,
                "UpdatedUtc" TEXT NOT NULL,
                "SubmittedUtc" TEXT NULL,
                "Decision" TEXT NOT NULL,
                "AmountGranted" TEXT NULL,
                "DecisionJustification" TEXT NOT NULL,
                "DecisionDate" TEXT NULL,
                "ConventionDate" TEXT NULL,
                "DecidedByUserId" TEXT NULL,
                "DecidedUtc" TEXT NULL,
                "DecisionNotifiedUtc" TEXT NULL,
                "ShowcaseItemId" INTEGER NULL,
                "Version" INTEGER NOT NULL
            );

            CREATE TABLE "CallAuditEntries" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_CallAuditEntries" PRIMARY KEY AUTOINCREMENT,
                "CallId" INTEGER NOT NULL,
                "ApplicationId" INTEGER NULL,
                "UserId" TEXT NOT NULL,
                "UserName" TEXT NOT NULL,
                "Action" TEXT NOT NULL,
                "Detail" TEXT NOT NULL,
                "AtUtc" TEXT NOT NULL
            );

            CREATE TABLE "CallReviewers" (
                "CallId" INTEGER NOT NULL,
                "UserId" TEXT NOT NULL,
                "DisplayName" TEXT NOT NULL,
                "AddedUtc" TEXT NOT NULL,
                CONSTRAINT "PK_CallReviewers" PRIMARY KEY ("CallId", "UserId")
            );

            CREATE TABLE "CallRounds" (
                "CallId" INTEGER NOT NULL CONSTRAINT "PK_CallRounds" PRIMARY KEY,
                "BlindReview" INTEGER NOT NULL,
                "ReviewsPerApplication" INTEGER NOT NULL,
                "ReviewStartedUtc" TEXT NULL,
                "ResultsPublishedUtc" TEXT NULL,
                "LastReferenceNumber" INTEGER NOT NULL,
                "Version" INTEGER NOT NULL
            );

            CREATE TABLE "CallApplicationAttachments" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_CallApplicationAttachments" PRIMARY KEY AUTOINCREMENT,
                "ApplicationId" INTEGER NOT NULL,
                "Purpose" TEXT NOT NULL,
                "FileName" TEXT NOT NULL,
                "StoredName" TEXT NOT NULL,
                "Length" INTEGER NOT NULL,
                "UploadedUtc" TEXT NOT NULL,
                CONSTRAINT "FK_CallApplicationAttachments_CallApplications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "CallApplications" ("Id") ON DELETE CASCADE
            );

            CREATE TABLE "CallReviews" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_CallReviews" PRIMARY KEY AUTOINCREMENT,
                "CallId" INTEGER NOT NULL,
                "ApplicationId" INTEGER NOT NULL,
                "ReviewerUserId" TEXT NOT NULL,
                "ReviewerName" TEXT NOT NULL,
                "AssignedUtc" TEXT NOT NULL,
                "AssignedByUserId" TEXT NOT NULL,
                "Status" TEXT NOT NULL,
                "NoConflictDeclaredUtc" TEXT NULL,
                "ScoresJson" TEXT NOT NULL,
                "Opinion" TEXT NOT NULL,
                "OverallComment" TEXT NOT NULL,
                "SavedUtc" TEXT NULL,
                "SubmittedUtc" TEXT NULL,
                "Version" INTEGER NOT NULL,
                CONSTRAINT "FK_CallReviews_CallApplications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "CallApplications" ("Id") ON DELETE CASCADE
            );

            CREATE INDEX "IX_CallApplicationAttachments_ApplicationId" ON "CallApplicationAttachments" ("ApplicationId");

            CREATE INDEX "IX_CallApplications_ApplicantUserId" ON "CallApplications" ("ApplicantUserId");

            CREATE INDEX "IX_CallApplications_CallId_Status" ON "CallApplications" ("CallId", "Status");

            CREATE UNIQUE INDEX "IX_CallApplications_Reference" ON "CallApplications" ("Reference") WHERE "Reference" IS NOT NULL;

            CREATE INDEX "IX_CallAuditEntries_CallId_AtUtc" ON "CallAuditEntries" ("CallId", "AtUtc");

            CREATE UNIQUE INDEX "IX_CallReviews_ApplicationId_ReviewerUserId" ON "CallReviews" ("ApplicationId", "ReviewerUserId");

            CREATE INDEX "IX_CallReviews_CallId_ReviewerUserId" ON "CallReviews" ("CallId", "ReviewerUserId");
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("CallReviews");
        migrationBuilder.DropTable("CallApplicationAttachments");
        migrationBuilder.DropTable("CallRounds");
        migrationBuilder.DropTable("CallReviewers");
        migrationBuilder.DropTable("CallAuditEntries");
        migrationBuilder.DropTable("CallApplications");
    }
}

