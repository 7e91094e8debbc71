namespace ChangeOrchestrator.Simulators.Aws.Ssm.Calendars;

/// <summary>A ChangeCalendar document and its versions (1-based); GetCalendarState reads its default version.</summary>
internal sealed class CalendarDocument
{
    public required string Name { get; init; }

    public required DateTimeOffset CreatedDate { get; init; }

    public List<string> Versions { get; } = [];

    public int DefaultVersion { get; set; } = 1;

    public int LatestVersion => Versions.Count;

    /// <summary>The default version, parsed.</summary>
    public required ChangeCalendar Calendar { get; set; }

    /// <summary>The calendar a version's content describes, or InvalidDocumentVersion.</summary>
    public string Content(string? version) => Versions[Index(version)];

    public int Index(string? version)
    {
        if (version is null)
        {
            return DefaultVersion - 1;
        }

        if (version == "$LATEST")
        {
            return LatestVersion - 1;
        }

        return int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= LatestVersion
            ? number - 1
            : throw new SsmServiceException("InvalidDocumentVersion", $"The document version {version} is not valid or does not exist.");
    }
}
