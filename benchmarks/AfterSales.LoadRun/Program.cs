using System.CommandLine;
using AfterSales.LoadRun;

var tickets = new Option<int>("--tickets") { Description = "Open tickets to seed.", DefaultValueFactory = _ => 100_000 };
var due = new Option<int>("--due") { Description = "How many of them are due at the measured sweep.", DefaultValueFactory = _ => 1_000 };
var ingestTickets = new Option<int>("--ingest-tickets") { Description = "Tickets (4 events each) for the ingest throughput run.", DefaultValueFactory = _ => 1_000 };
var ingestSeconds = new Option<int>("--ingest-seconds") { Description = "The shortest each ingest run lasts (more tickets than --ingest-tickets until then), so its rate is a steady one.", DefaultValueFactory = _ => LoadRunOptions.DefaultIngestSeconds };
var latencyTickets = new Option<int>("--latency-tickets") { Description = "P1 tickets whose deadlines fall during the real-time latency run.", DefaultValueFactory = _ => 200 };
var latencyWindow = new Option<int>("--latency-seconds") { Description = "How long deadlines keep falling during the latency run.", DefaultValueFactory = _ => 120 };
var busyTicket = new Option<int>("--busy-ticket") { Description = "Only the busy-ticket phase: ingest this many events into one ticket and print what event 2 and the last cost.", DefaultValueFactory = _ => 0 };
var burst = new Option<int>("--burst") { Description = "Tickets whose steps all fall due at one Monday 08:30 opening, swept with 1 worker and in parallel.", DefaultValueFactory = _ => 0 };
var latencyMs = new Option<int>("--latency-ms") { Description = "Milliseconds added to every storage request of the burst sweeps and of a second ingest run (a network round trip).", DefaultValueFactory = _ => 0 };
var moveLegacy = new Option<bool>("--move-legacy-tickets") { Description = "One-off migration (docs/storage.md): move every ticket of Storage__TablePrefix still in the one-row layout to its partition, then stop." };
var hashPhoneKeys = new Option<bool>("--hash-phone-keys") { Description = "One-off migration (docs/storage.md): move the opt-out, sent-text and survey rows of Storage__TablePrefix from phone-number keys to their keyed hashes (Storage__KeyHashSecret), then stop." };
var hashCustomerKeys = new Option<bool>("--hash-customer-keys") { Description = "One-off migration (docs/storage.md): move the three-strikes rows of Storage__TablePrefix from the unkeyed customer hash to the keyed one (Storage__KeyHashSecret), then stop." };
var storageCosts = new Option<int>("--storage-costs") { Description = "Only seeding (--tickets) and what each kind of request costs the local Azurite whose process id this is, in its CPU time (docs/scaling.md).", DefaultValueFactory = _ => 0 };
foreach (var count in new[] { burst, latencyMs, ingestSeconds, storageCosts })
{
    count.Validators.Add(result =>
    {
        if (result.GetValueOrDefault<int>() < 0) result.AddError($"{count.Name} must be 0 or more.");
    });
}
var root = new RootCommand("AfterSales load run against Azure Table storage (Azurite by default; Storage__ConnectionString overrides).")
{
    tickets, due, ingestTickets, ingestSeconds, latencyTickets, latencyWindow, busyTicket, burst, latencyMs, moveLegacy, hashPhoneKeys, hashCustomerKeys, storageCosts,
};
root.SetAction((parse, cancellationToken) => parse.GetValue(moveLegacy) ? LegacyTicketMove.RunAsync(Console.Out, cancellationToken)
    : parse.GetValue(hashPhoneKeys) ? PhoneKeyMove.RunAsync(Console.Out, cancellationToken)
    : parse.GetValue(hashCustomerKeys) ? CustomerKeyMove.RunAsync(Console.Out, cancellationToken)
    : new LoadRun(new LoadRunOptions(
    parse.GetValue(tickets), parse.GetValue(due), parse.GetValue(ingestTickets),
    parse.GetValue(latencyTickets), TimeSpan.FromSeconds(parse.GetValue(latencyWindow)), parse.GetValue(busyTicket),
    parse.GetValue(burst), parse.GetValue(latencyMs), parse.GetValue(ingestSeconds), parse.GetValue(storageCosts)), Console.Out).RunAsync(cancellationToken));
return await root.Parse(args).InvokeAsync();
