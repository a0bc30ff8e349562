using RegistrationRush;

// A rush on registrations (bench/events.sh). See Rush for what it does and prints.
// Usage: RegistrationRush BASE_URL TENANT SLUG WORKSHOP_KEYS COUNT CONCURRENCY REPLAYS ATTEMPTS_TSV [SPREAD]
if (args.Length < 8)
{
    Console.Error.WriteLine("usage: RegistrationRush BASE_URL TENANT SLUG WORKSHOP_KEYS COUNT CONCURRENCY REPLAYS ATTEMPTS_TSV [SPREAD]");
    return 2;
}
var settings = new RushSettings(
    BaseUrl: args[0].TrimEnd('/'),
    Tenant: args[1],
    Slug: args[2],
    WorkshopKeys: args[3].Split(',', StringSplitOptions.RemoveEmptyEntries),
    Count: int.Parse(args[4]),
    Concurrency: int.Parse(args[5]),
    Replays: int.Parse(args[6]),
    AttemptsFile: args[7],
    SpreadSeconds: args.Length > 8 ? double.Parse(args[8], System.Globalization.CultureInfo.InvariantCulture) : 0);
return await new Rush(settings).RunAsync();
