namespace ChangeOrchestrator.Engine.Runtime;

/// <summary>What became of one bookmark's resume.</summary>
internal enum ResumeOutcome
{
    Resumed,

    /// <summary>The bookmark or its instance is gone, finished or faulted: there is nothing left to apply the stimulus to.</summary>
    NothingToResume,

    /// <summary>Another node held the instance; nothing was applied.</summary>
    Busy,
}
