namespace AfterSales.Core.Texts;

/// <summary>What the contact budget needs to know of each kind of text.</summary>
public static class TextKinds
{
    /// <summary>Acknowledgements, appointment reminders and rating thanks are never held by the budget (SPEC).</summary>
    public static bool IsAlwaysExempt(TextKind kind) =>
        kind is TextKind.Acknowledgement or TextKind.AppointmentDayBefore or TextKind.AppointmentSoon or TextKind.RatingThanks;

    public static bool IsSurvey(TextKind kind) => kind == TextKind.Survey;
}
