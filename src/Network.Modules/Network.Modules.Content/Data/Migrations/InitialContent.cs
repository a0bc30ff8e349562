using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Network.Modules.Content.Data.Migrations;

[DbContext(typeof(Network.Modules.Content.Data.ContentDbContext))]
[Migration("20261122003442_InitialContent")]
public sealed class InitialContent : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "ContentChangeCursors" (
                "Consumer" TEXT NOT NULL CONSTRAINT "PK_ContentChangeCursors" PRIMARY KEY,
                "LastChangeId" INTEGER NOT NULL
            );

            CREATE TABLE "ContentChanges" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_ContentChanges" PRIMARY KEY AUTOINCREMENT,
                "ItemId" INTEGER NOT NULL,
                "ContentType" TEXT NOT NULL,
                "Action" TEXT NOT NULL,
                "UserId" TEXT NOT NULL,
                "CreatedUtc" TEXT NOT NULL
            );

            CREATE TABLE "ContentItems" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_ContentItems" PRIMARY KEY AUTOINCREMENT,
                "ContentType" TEXT NOT NULL,
                "Slug" TEXT NOT NULL,
                "Title" TEXT NOT NULL,
                "SortTitle" TEXT NOT NULL,
                "Summary" TEXT NOT NULL,
                "FieldsJson" TEXT NOT NULL,
                "Status" TEXT NOT NULL,
                "SharedWithNetwork" INTEGER NOT NULL,
                "Featured" INTEGER NOT NULL,
                "RejectionReason" TEXT NULL,
                "AuthorId" TEXT NOT NULL,
                "AuthorName" TEXT NOT NULL,
                "CreatedUtc" TEXT NOT NULL,
                "UpdatedUtc" TEXT NOT NULL,
                "PublishedUtc" TEXT NULL,
                "Version" INTEGER NOT NULL,
                "OriginTenant" TEXT NULL,
                "OriginId" INTEGER NULL
            );

            CREATE TABLE "ContentSettings" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_ContentSettings" PRIMARY KEY,
                "AllowSelfPublishing" INTEGER NOT NULL
            );

            CREATE TABLE "VocabularyTerms" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_VocabularyTerms" PRIMARY KEY AUTOINCREMENT,
                "Vocabulary" TEXT NOT NULL,
                "Value" TEXT NOT NULL,
                "Label" TEXT NOT NULL,
                "Position" INTEGER NOT NULL
            );

            CREATE TABLE "ContentFacetValues" (
                "ItemId" INTEGER NOT NULL,
                "Facet" TEXT NOT NULL,
                "Value" TEXT NOT NULL,
                CONSTRAINT "PK_ContentFacetValues" PRIMARY KEY ("ItemId", "Facet", "Value"),
                CONSTRAINT "FK_ContentFacetValues_ContentItems_ItemId" FOREIGN KEY ("ItemId") REFERENCES "ContentItems" ("Id") ON DELETE CASCADE
            );

            CREATE TABLE "ContentMediaUses" (
                "ItemId" INTEGER NOT NULL,
                "MediaId" INTEGER NOT NULL,
                CONSTRAINT "PK_ContentMediaUses" PRIMARY KEY ("ItemId", "MediaId"),
                CONSTRAINT "FK_ContentMediaUses_ContentItems_ItemId" FOREIGN KEY ("ItemId") REFERENCES "ContentItems" ("Id") ON DELETE CASCADE
            );

            CREATE TABLE "ContentRevisions" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_ContentRevisions" PRIMARY KEY AUTOINCREMENT,
                "ItemId" INTEGER NOT NULL,
                "Number" INTEGER NOT NULL,
                "Action" TEXT NOT NULL,
                "Note" TEXT NULL,
                "Status" TEXT NOT NULL,
                "Title" TEXT NOT NULL,
                "Slug" TEXT NOT NULL,
                "Summary" TEXT NOT NULL,
                "FieldsJson" TEXT NOT NULL,
                "SharedWithNetwork" INTEGER NOT NULL,
                "UserId" TEXT NOT NULL,
                "UserName" TEXT NOT NULL,
                "CreatedUtc" TEXT NOT NULL,
                CONSTRAINT "FK_ContentRevisions_ContentItems_ItemId" FOREIGN KEY ("ItemId") REFERENCES "ContentItems" ("Id") ON DELETE CASCADE
            );

            CREATE TABLE "ContentSlugRedirects" (
                "ContentType" TEXT NOT NULL,
                "OldSlug" TEXT NOT NULL,
                "ItemId" INTEGER NOT NULL,
                CONSTRAINT "PK_ContentSlugRedirects" PRIMARY KEY ("ContentType", "OldSlug"),
                CONSTRAINT "FK_ContentSlugRedirects_ContentItems_ItemId" FOREIGN KEY ("ItemId") REFERENCES "ContentItems" ("Id") ON DELETE CASCADE
            );

            CREATE INDEX "IX_ContentFacetValues_Facet_Value" ON "ContentFacetValues" ("Facet", "Value");

            CREATE INDEX "IX_ContentItems_AuthorId" ON "ContentItems" ("AuthorId");

            CREATE UNIQUE INDEX "IX_ContentItems_ContentType_Slug" ON "ContentItems" ("ContentType", "Slug") WHERE "OriginTenant" IS NULL;

            CREATE INDEX "IX_ContentItems_ContentType_Status_PublishedUtc" ON "ContentItems" ("ContentType", "Status", "PublishedUtc");

            CREATE UNIQUE INDEX "IX_ContentItems_OriginTenant_OriginId" ON "ContentItems" ("OriginTenant", "OriginId") WHERE "OriginTenant" IS NOT NULL;

            CREATE INDEX "IX_ContentMediaUses_MediaId" ON "ContentMediaUses" ("MediaId");

            CREATE UNIQUE INDEX "IX_ContentRevisions_ItemId_Number" ON "ContentRevisions" ("ItemId", "Number");

            CREATE INDEX "IX_ContentSlugRedirects_ItemId" ON "ContentSlugRedirects" ("ItemId");

            CREATE UNIQUE INDEX "IX_VocabularyTerms_Vocabulary_Value" ON "VocabularyTerms" ("Vocabulary", "Value");
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ContentSlugRedirects");
        migrationBuilder.DropTable("ContentRevisions");
        migrationBuilder.DropTable("ContentMediaUses");
        migrationBuilder.DropTable("ContentFacetValues");
        migrationBuilder.DropTable("VocabularyTerms");
        migrationBuilder.DropTable("ContentSettings");
        migrationBuilder.DropTable("ContentItems");
        migrationBuilder.DropTable("ContentChanges");
        migrationBuilder.DropTable("ContentChangeCursors");
    }
}

