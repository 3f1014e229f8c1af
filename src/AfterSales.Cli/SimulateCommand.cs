using System.CommandLine;
using AfterSales.Core.Events;
using AfterSales.Core.Settings;
using AfterSales.Core.Simulation;
using NodaTime;
using NodaTime.Text;

namespace AfterSales.Cli;

/// <summary><c>aftersales simulate</c>: replays ticket events on a virtual clock and prints what AfterSales would do.</summary>
public static class SimulateCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider time)
    {
        var events = new Option<FileInfo?>("--events") { Description = "Ticket events, one JSON object per line (default: the bundled samples/tickets.jsonl)." };
        var settings = new Option<FileInfo?>("--settings") { Description = "A settings JSON file layered over the defaults (default with the sample: samples/settings.json)." };
        var until = new Option<string?>("--until") { Description = "Stop the virtual clock at this ISO 8601 time with offset, e.g. 2026-10-31T23:59:00+08:00." };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var zone = new Option<string?>("--time-zone") { Description = "IANA zone for the times shown (default: the Business calendar's zone)." };
        var compare = new Option<FileInfo?>("--compare") { Description = "A settings JSON file with a proposed change, layered over --settings: run the same events under both and show what would differ (summary per policy, tickets whose outcome changed)." };
        var outDirectory = new Option<DirectoryInfo?>("--out") { Description = "Also write every escalation email the run would send, as .eml files (weekly digests as digest-*.eml, monthly reports as report-*.eml), and every customer text, as .txt files, to this folder." };

        var command = new Command("simulate", "Replay ticket events against the SLA engine on a virtual clock and print the timeline (escalations and customer texts) and a summary per policy.")
        {
            events, settings, until, format, zone, outDirectory, compare,
        };
        command.SetAction(parse => Run(
            parse.GetValue(events), parse.GetValue(settings), parse.GetValue(until), parse.GetValue(format)!, parse.GetValue(zone),
            parse.GetValue(outDirectory), parse.GetValue(compare), output, error, time));
        return command;
    }

    private static int Run(
        FileInfo? eventsFile, FileInfo? settingsFile, string? untilText, string format, string? zoneId,
        DirectoryInfo? outDirectory, FileInfo? compareFile, TextWriter output, TextWriter error, TimeProvider time)
    {
        var usingSample = eventsFile is null;
        var eventsPath = eventsFile?.FullName ?? SamplePaths.Events;
        if (!File.Exists(eventsPath))
        {
            error.WriteLine($"error: events file not found: {eventsPath}");
            return 2;
        }

        if (compareFile is not null && !compareFile.Exists)
        {
            error.WriteLine($"error: --compare settings file not found: {compareFile.FullName}");
            return 2;
        }

        var settingsPath = settingsFile?.FullName ?? (usingSample ? SamplePaths.Settings : null);
        SimulationSettings both;
        SimulationSettings? proposed = null;
        try
        {
            both = SettingsSource.Load(settingsPath, outDirectory?.FullName);
            if (compareFile is not null) proposed = SettingsSource.Load(settingsPath, null, compareFile.FullName);
        }
        catch (SettingsValidationException invalid)
        {
            error.WriteLine("error: invalid settings");
            foreach (var problem in invalid.Errors) error.WriteLine($"  {problem.Key}: {problem.Message}");
            return 2;
        }

        var loaded = both.Core;
        Instant? until = null;
        if (untilText is not null)
        {
            var parsed = OffsetDateTimePattern.ExtendedIso.Parse(untilText);
            if (!parsed.Success)
            {
                error.WriteLine($"error: --until '{untilText}' is not an ISO 8601 time with offset (e.g. 2026-10-31T23:59:00+08:00)");
                return 2;
            }
            until = parsed.Value.ToInstant();
        }

        var displayZone = zoneId is null ? DisplayZone.Of(loaded) : DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId);
        if (displayZone is null)
        {
            error.WriteLine($"error: --time-zone '{zoneId}' is not an IANA time zone id");
            return 2;
        }

        var parser = new TicketEventParser(loaded.Sla.KnownPriorities, loaded.Events.Window, time);
        var progress = new ProgressReport(error, time);
        IEnumerable<string> Lines() => File.ReadLines(eventsPath);
        if (proposed is not null)
        {
            // A comparison shows policies and tickets, not digests: neither run keeps the running totals they are made of.
            var simulator = new Simulator(loaded, both.Texts, parser, displayZone, both.Revisits);
            var proposedParser = new TicketEventParser(proposed.Core.Sla.KnownPriorities, proposed.Core.Events.Window, time);
            var proposedSimulator = new Simulator(proposed.Core, proposed.Texts, proposedParser, displayZone, proposed.Revisits);
            // The two runs share only their input (parsed once when both parse alike): on two cores or more they take the time of one.
            var shared = new ProgressReport(TextWriter.Synchronized(error), time);
            var (currentInput, proposedInput) = Simulator.ReadForComparison(simulator, proposedSimulator, Lines);
            var beforeRun = Task.Factory.StartNew(() => simulator.Run(currentInput, until, null, shared.Report("current settings")), TaskCreationOptions.LongRunning);
            var afterRun = Task.Factory.StartNew(() => proposedSimulator.Run(proposedInput, until, null, shared.Report("proposed settings")), TaskCreationOptions.LongRunning);
            var comparison = SimulationComparison.Of(beforeRun.GetAwaiter().GetResult(), afterRun.GetAwaiter().GetResult());
            var current = settingsFile is not null ? Path.GetRelativePath(Environment.CurrentDirectory, settingsFile.FullName)
                : usingSample ? "the sample's settings (samples/settings.json)" : "built-in defaults";
            var change = Path.GetRelativePath(Environment.CurrentDirectory, compareFile!.FullName);
            if (format == "json") ComparisonJsonWriter.Write(comparison, output);
            else ComparisonTextWriter.Write(comparison, current, $"{current} + {change}", output);
            return 0;
        }

        var single = new Simulator(loaded, both.Texts, parser, displayZone, both.Revisits, both.Reports);
        ISimulationWriter writer = format == "json" ? new SimulationJsonWriter(displayZone, output) : new SimulationTextWriter(displayZone, output);
        var emails = outDirectory is null ? null : new SimulatedEmails(loaded, time);
        var texts = 0;
        var input = single.Read(Lines);
        writer.Begin(input.Rejected);
        var result = single.Run(input, until, entry =>
        {
            writer.Entry(entry);
            emails?.Add(entry);
            if (outDirectory is not null && SimulatedTextFiles.Write(entry, outDirectory.FullName, displayZone)) texts++;
        }, progress.Report("simulation"));
        writer.End(result.Summary);
        (writer as IDisposable)?.Dispose();
        if (outDirectory is not null)
        {
            error.WriteLine($"wrote {emails!.Written} emails ({emails.Reports} digests and reports) to {loaded.Email.PickupDirectory}");
            error.WriteLine($"wrote {texts} texts to {outDirectory.FullName}");
        }
        return 0;
    }
}
