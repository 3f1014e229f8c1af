namespace AfterSales.Core.Settings;

/// <summary>Who reads the settings: the host (every deployment setting required) or a simulation.</summary>
public enum SettingsScope
{
    /// <summary>The Functions host and <c>aftersales settings check</c>: everything a deployment must set is required.</summary>
    Host,

    /// <summary>
    /// <c>aftersales simulate</c>: sends nothing and stores nothing, so the settings that only a deployment needs
    /// (storage, the Twilio account, queues, schedules, the webhook URL, the revisit team) are checked when set and
    /// not required; everything else is checked exactly as the host checks it.
    /// </summary>
    Simulation,
}
