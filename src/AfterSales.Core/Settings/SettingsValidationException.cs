namespace AfterSales.Core.Settings;

/// <summary>Thrown at start-up when settings are wrong; <see cref="Errors"/> lists every bad key, one per line in the message.</summary>
public sealed class SettingsValidationException : Exception
{
    public SettingsValidationException(IReadOnlyList<SettingsError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public SettingsValidationException()
        : this([])
    {
    }

    public SettingsValidationException(string message)
        : base(message)
    {
        Errors = [];
    }

    public SettingsValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<SettingsError> Errors { get; }
}
