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
        var outDirectory = new Option<DirectoryInfo?>("--out") { Description = "Also write every escalation email the run would send, as .eml files, and every customer text, as .txt files, to this folder." };

        var command = new Command("simulate", "Replay ticket events against the SLA engine on a virtual clock and print the timeline (escalations and customer texts) and a summary per policy.")
        {
            events, settings, until, format, zone, outDirectory,
        };
        command.SetAction(parse => Run(
            parse.GetValue(events), parse.GetValue(settings), parse.GetValue(until), parse.GetValue(format)!, parse.GetValue(zone),
            parse.GetValue(outDirectory), output, error, time));
        return command;
    }

    private static int Run(
        FileInfo? eventsFile, FileInfo? settingsFile, string? untilText, string format, string? zoneId,
        DirectoryInfo? outDirectory, TextWriter output, TextWriter error, TimeProvider time)
    {
        var usingSample = eventsFile is null;
        var eventsPath = eventsFile?.FullName ?? SamplePaths.Events;
        if (!File.Exists(eventsPath))
        {
            error.WriteLine($"error: events file not found: {eventsPath}");
            return 2;
        }

        SimulationSettings both;
        try
        {
            both = SettingsSource.Load(settingsFile?.FullName ?? (usingSample ? SamplePaths.Settings : null), outDirectory?.FullName);
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
        var result = new Simulator(loaded, both.Texts, parser, displayZone).Run(File.ReadLines(eventsPath), until);
        if (format == "json") SimulationJsonWriter.Write(result, displayZone, output);
        else SimulationTextWriter.Write(result, displayZone, output);
        if (outDirectory is not null)
        {
            var written = SimulatedEmails.Write(result, loaded, time);
            error.WriteLine($"wrote {written} emails to {loaded.Email.PickupDirectory}");
            var texts = SimulatedTextFiles.Write(result, outDirectory.FullName, displayZone);
            error.WriteLine($"wrote {texts} texts to {outDirectory.FullName}");
        }
        return 0;
    }
}
