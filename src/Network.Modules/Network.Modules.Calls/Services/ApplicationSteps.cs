namespace Network.Modules.Calls.Services;

/// <summary>One step of the application form (the DSFR stepper's titles).</summary>
public sealed record ApplicationStep(int Index, string Key, string Title);

/// <summary>The application form's seven steps, in order; <see cref="Data.CallApplication.CurrentStep"/> is an index here.</summary>
public static class ApplicationSteps
{
    public const int Structure = 0;
    public const int Contact = 1;
    public const int Project = 2;
    public const int Budget = 3;
    public const int Questions = 4;
    public const int Attachments = 5;
    public const int Summary = 6;

    public static readonly IReadOnlyList<ApplicationStep> All =
    [
        new(Structure, "structure", "Structure"),
        new(Contact, "contact", "Contact"),
        new(Project, "projet", "Projet"),
        new(Budget, "budget", "Budget"),
        new(Questions, "questions", "Questions"),
        new(Attachments, "pieces", "Pièces jointes"),
        new(Summary, "recapitulatif", "Récapitulatif"),
    ];

    public static int Count => All.Count;

    public static int Clamp(int index) => Math.Clamp(index, 0, Count - 1);
}
