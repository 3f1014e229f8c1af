using AfterSales.Core.Email;
using AfterSales.Core.Settings;
using AfterSales.Core.Simulation;
using AfterSales.Core.Sla;

namespace AfterSales.Cli;

/// <summary>Writes the email of every step, digest and report of a simulation as an .eml file (Pickup mode), as it would have read when sent.</summary>
public sealed class SimulatedEmails(AfterSalesSettings settings, TimeProvider time)
{
    private readonly EscalationEmailRenderer renderer = new(settings, new SlaEngine(settings));
    private readonly PickupEmailSender sender = new(settings.Email.PickupDirectory, settings.Email.From, settings.Email.FromName, time);
    private readonly Dictionary<string, List<EscalationStep>> told = new(StringComparer.Ordinal);

    public int Written { get; private set; }

    /// <summary>Of <see cref="Written"/>, the weekly digests and monthly reports (<c>digest-*.eml</c>, <c>report-*.eml</c>).</summary>
    public int Reports { get; private set; }

    public void Add(TimelineEntry entry)
    {
        if (entry is { Kind: TimelineKind.Digest or TimelineKind.Report, Report: { } report })
        {
            sender.SendAsync(report.Message, CancellationToken.None).GetAwaiter().GetResult();
            Written++;
            Reports++;
            return;
        }

        if (entry is not { Kind: TimelineKind.Step, Step: { } step }) return;
        var earlier = told.TryGetValue(step.TicketId, out var list) ? list : told[step.TicketId] = [];
        var message = renderer.RenderRuleNotice(step, entry.At)
            ?? (entry.History is { } history ? renderer.Render(history, step, [.. earlier], entry.At) : null);
        if (message is null) return;
        sender.SendAsync(message, CancellationToken.None).GetAwaiter().GetResult();
        earlier.Add(step);
        Written++;
    }
}
