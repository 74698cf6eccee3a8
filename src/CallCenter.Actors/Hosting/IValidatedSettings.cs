namespace CallCenter.Actors.Hosting;

/// <summary>Settings that can say what is wrong with them, so a bad configuration is refused before anything starts.</summary>
public interface IValidatedSettings
{
    /// <summary>The first thing wrong with these settings, or null when they are usable.</summary>
    string? Validate();
}
