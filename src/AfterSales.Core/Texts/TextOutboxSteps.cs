using System.Text;
using AfterSales.Core.Sla;

namespace AfterSales.Core.Texts;

/// <summary>How a customer text is described as an outbox row's step (the parts every row has: key, ticket, level, role, recipient).</summary>
public static class TextOutboxSteps
{
    public const string Role = "Customer";

    /// <summary>The clock id of text rows, telling them from escalation steps in a step list.</summary>
    public const string ClockId = "text";

    /// <summary>The kind in kebab case: <c>acknowledgement</c>, <c>appointment-day-before</c>, ...</summary>
    public static string LevelOf(TextKind kind)
    {
        var name = kind.ToString();
        var level = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && level.Length > 0) level.Append('-');
            level.Append(char.ToLowerInvariant(c));
        }

        return level.ToString();
    }

    /// <summary>The step of a text's row; its recipient is the masked number, so lists of rows never show a number in full.</summary>
    public static EscalationStep StepOf(CustomerText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new EscalationStep(
            text.Key, text.TicketId, 1, LevelOf(text.Kind), LadderTrigger.Opened, null, ClockId, Role, CustomerPhones.Mask(text.Phone),
            text.DueAt, text.SendAt, null, "");
    }
}
