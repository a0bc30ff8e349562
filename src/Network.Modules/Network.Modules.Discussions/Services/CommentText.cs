using Network.Core.Text;
using Network.Modules.Discussions.Data;

namespace Network.Modules.Discussions.Services;

/// <summary>What a comment's text must be: not empty, not too long, not stuffed with links. Messages in French (localized by the pages).</summary>
public static class CommentText
{
    public const string Empty = "Écrivez votre commentaire avant de l'envoyer.";
    public const string TooLong = "Votre commentaire dépasse 5 000 caractères : raccourcissez-le.";
    public const string TooManyLinks = "Votre commentaire contient trop de liens (au plus {0}) : retirez-en quelques-uns.";

    /// <summary>The trimmed text, or the problem (message and its argument).</summary>
    public static (string? Text, string? Problem, object? Argument) Check(string? body, int maxLinks)
    {
        var text = (body ?? "").Replace("\r\n", "\n").Trim();
        if (text.Length == 0) return (null, Empty, null);
        if (text.Length > DiscussionRules.BodyMaxLength) return (null, TooLong, null);
        if (SafeMarkdown.CountLinks(text) > maxLinks) return (null, TooManyLinks, maxLinks);
        return (text, null, null);
    }
}
