using System.Globalization;
using Microsoft.Extensions.Localization;
using Network.Core.Text;
using Network.Modules.Discussions.Data;

namespace Network.Modules.Discussions.Components;

/// <summary>One comment as the _Comment partial draws it.</summary>
public sealed record CommentView(Comment Comment, CommentsSection Section, SafeMarkdown Markdown, string ExternalNotice, CultureInfo Culture)
{
    public bool IsOwn => Comment.AuthorId is not null && Comment.AuthorId == Section.ViewerId;

    /// <summary>The author's name, or "Compte supprimé" once the account is gone.</summary>
    public static string Author(Comment comment, IStringLocalizer localizer)
        => comment.AuthorId is null ? localizer["Compte supprimé"] : comment.AuthorName;
}
