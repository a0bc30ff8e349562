using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Network.Modules.Events.Data.Migrations;

[DbContext(typeof(Network.Modules.Events.Data.EventsDbContext))]
[Migration("20261122112402_InitialEvents")]
public sealed class InitialEvents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "EventAuditEntries" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_EventAuditEntries" PRIMARY KEY AUTOINCREMENT,
                "EventId" INTEGER NOT NULL,
                "RegistrationId" INTEGER NULL,
                "UserId" TEXT NOT NULL,
                "UserName" TEXT NOT NULL,
                "Action" TEXT NOT NULL,
                "Detail" TEXT NOT NULL,
                "AtUtc" TEXT NOT NULL
            );

            CREATE TABLE "EventRegistrations" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_EventRegistrations" PRIMARY KEY AUTOINCREMENT,
                "EventId" INTEGER NOT NULL,
                "UserId" TEXT NULL,
                "Email" TEXT NOT NULL,
                "NormalizedEmail" TEXT NOT NULL,
                "FullName" TEXT NOT NULL,
                "Organisation" TEXT NOT NULL,
                "Culture" TEXT NOT NULL,
                "Status" TEXT NOT NULL,
                "CreatedUtc" TEXT NOT NULL,
                "UpdatedUtc" TEXT NOT NULL,
                "AddressVerifiedUtc" TEXT NULL,
                "VerifyByUtc" TEXT NULL,
                "ConfirmedUtc" TEXT NULL,
                "WaitlistedUtc" TEXT NULL,
                "CancelledUtc" TEXT NULL,
                "TokenHash" TEXT NOT NULL,
                "AnswersJson" TEXT NOT NULL,
                "AnswersDeletedUtc" TEXT NULL,
                "ReminderSentUtc" TEXT NULL,
                "CheckedInUtc" TEXT NULL,
                "CheckedInByUserId" TEXT NULL,
                "AnonymisedUtc" TEXT NULL,
                "Version" INTEGER NOT NULL
            );

            CREATE TABLE "EventSeatCounters" (
                "EventId" INTEGER NOT NULL,
                "SessionKey" TEXT NOT NULL,
                "Taken" INTEGER NOT NULL,
                CONSTRAINT "PK_EventSeatCounters" PRIMARY KEY ("EventId", "SessionKey")
            );

            CREATE TABLE "EventSetups" (
                "EventId" INTEGER NOT NULL CONSTRAINT "PK_EventSetups" PRIMARY KEY,
                "Status" TEXT NOT NULL,
                "StatusNote" TEXT NOT NULL,
                "StatusChangedUtc" TEXT NULL,
                "OnlineJoinUrl" TEXT NOT NULL,
                "ReminderDaysBefore" INTEGER NOT NULL,
                "AttendanceClosedUtc" TEXT NULL,
                "Version" INTEGER NOT NULL
            );

            CREATE TABLE "EventWorkshopChoices" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_EventWorkshopChoices" PRIMARY KEY AUTOINCREMENT,
                "RegistrationId" INTEGER NOT NULL,
                "EventId" INTEGER NOT NULL,
                "SessionKey" TEXT NOT NULL,
                "Status" TEXT NOT NULL,
                "CreatedUtc" TEXT NOT NULL,
                "WaitlistedUtc" TEXT NULL,
                "CheckedInUtc" TEXT NULL
            );

            CREATE INDEX "IX_EventAuditEntries_EventId_AtUtc" ON "EventAuditEntries" ("EventId", "AtUtc");

            CREATE UNIQUE INDEX "IX_EventRegistrations_EventId_NormalizedEmail" ON "EventRegistrations" ("EventId", "NormalizedEmail");

            CREATE INDEX "IX_EventRegistrations_EventId_Status" ON "EventRegistrations" ("EventId", "Status");

            CREATE UNIQUE INDEX "IX_EventRegistrations_TokenHash" ON "EventRegistrations" ("TokenHash");

            CREATE INDEX "IX_EventRegistrations_UserId" ON "EventRegistrations" ("UserId");

            CREATE INDEX "IX_EventWorkshopChoices_EventId_SessionKey_Status" ON "EventWorkshopChoices" ("EventId", "SessionKey", "Status");

            CREATE UNIQUE INDEX "IX_EventWorkshopChoices_RegistrationId_SessionKey" ON "EventWorkshopChoices" ("RegistrationId", "SessionKey");
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("EventWorkshopChoices");
        migrationBuilder.DropTable("EventSetups");
        migrationBuilder.DropTable("EventSeatCounters");
        migrationBuilder.DropTable("EventRegistrations");
        migrationBuilder.DropTable("EventAuditEntries");
    }
}

