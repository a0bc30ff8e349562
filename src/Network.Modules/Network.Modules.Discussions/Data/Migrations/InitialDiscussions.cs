using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Network.Modules.Discussions.Data.Migrations;

[DbContext(typeof(Network.Modules.Discussions.Data.DiscussionsDbContext))]
[Migration("20261122144243_InitialDiscussions")]
public sealed class InitialDiscussions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "CommentModerationLog" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_CommentModerationLog" PRIMARY KEY AUTOINCREMENT,
                "CommentId" INTEGER NOT NULL,
                "Action" TEXT NOT NULL,
                "UserId" TEXT NULL,
                "UserName" TEXT NOT NULL,
                "Note" TEXT NOT NULL,
                "AtUtc" TEXT NOT NULL
            );

            CREATE TABLE "Comments" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Comments" PRIMARY KEY AUTOINCREMENT,
                "ItemId" INTEGER NOT NULL,
                "ContentType" TEXT NOT NULL,
                "ParentId" INTEGER NULL,
                "AuthorId" TEXT NULL,
                "AuthorName" TEXT NOT NULL,
                "Body" TEXT NOT NULL,
                "Status" TEXT NOT NULL,
                "HiddenByReports" INTEGER NOT NULL,
                "Deleted" INTEGER NOT NULL,
                "SubmissionKey" TEXT NOT NULL,
                "CreatedUtc" TEXT NOT NULL,
                "EditedUtc" TEXT NULL,
                "PublishedUtc" TEXT NULL,
                "Version" INTEGER NOT NULL,
                CONSTRAINT "FK_Comments_Comments_ParentId" FOREIGN KEY ("ParentId") REFERENCES "Comments" ("Id") ON DELETE CASCADE
            );

            CREATE TABLE "DiscussionSettings" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_DiscussionSettings" PRIMARY KEY,
                "PreModeration" INTEGER NOT NULL,
                "ReportThreshold" INTEGER NOT NULL,
                "Version" INTEGER NOT NULL
            );

            CREATE TABLE "UsefulMarks" (
                "ItemId" INTEGER NOT NULL,
                "UserId" TEXT NOT NULL,
                "CreatedUtc" TEXT NOT NULL,
                CONSTRAINT "PK_UsefulMarks" PRIMARY KEY ("ItemId", "UserId")
            );

            CREATE TABLE "CommentReports" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_CommentReports" PRIMARY KEY AUTOINCREMENT,
                "CommentId" INTEGER NOT NULL,
                "UserId" TEXT NOT NULL,
                "Reason" TEXT NOT NULL,
                "CreatedUtc" TEXT NOT NULL,
                "Reviewed" INTEGER NOT NULL,
                CONSTRAINT "FK_CommentReports_Comments_CommentId" FOREIGN KEY ("CommentId") REFERENCES "Comments" ("Id") ON DELETE CASCADE
            );

            CREATE INDEX "IX_CommentModerationLog_AtUtc" ON "CommentModerationLog" ("AtUtc");

            CREATE UNIQUE INDEX "IX_CommentReports_CommentId_UserId" ON "CommentReports" ("CommentId", "UserId");

            CREATE INDEX "IX_CommentReports_UserId" ON "CommentReports" ("UserId");

            CREATE INDEX "IX_Comments_AuthorId_CreatedUtc" ON "Comments" ("AuthorId", "CreatedUtc");

            CREATE UNIQUE INDEX "IX_Comments_AuthorId_SubmissionKey" ON "Comments" ("AuthorId", "SubmissionKey") WHERE "AuthorId" IS NOT NULL;

            CREATE INDEX "IX_Comments_ItemId_CreatedUtc" ON "Comments" ("ItemId", "CreatedUtc");

            CREATE INDEX "IX_Comments_ParentId" ON "Comments" ("ParentId");

            CREATE INDEX "IX_Comments_Status_CreatedUtc" ON "Comments" ("Status", "CreatedUtc");

            CREATE INDEX "IX_UsefulMarks_UserId" ON "UsefulMarks" ("UserId");
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("CommentReports");
        migrationBuilder.DropTable("UsefulMarks");
        migrationBuilder.DropTable("DiscussionSettings");
        migrationBuilder.DropTable("Comments");
        migrationBuilder.DropTable("CommentModerationLog");
    }
}

