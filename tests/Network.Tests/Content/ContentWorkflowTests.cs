using Network.Modules.Content.Data;
using Network.Modules.Content.Workflow;
using static Network.Tests.Content.ContentTestKit;

namespace Network.Tests.Content;

/// <summary>Who may do what, in each state, with self-publishing on and off: the rules alone, no storage.</summary>
public sealed class ContentWorkflowTests
{
    private static ContentItem Item(ContentStatus status, string author = "author-1", DateTime? published = null)
        => new() { Status = status, AuthorId = author, PublishedUtc = published ?? (status is ContentStatus.Published or ContentStatus.Archived or ContentStatus.Scheduled ? DateTime.UtcNow : null) };

    private static string Actions(ContentItem item, ContentActor actor) => string.Join(",", ContentWorkflow.Available(item, actor));

    [Theory]
    // The author (contributor) without self-publishing: write, submit, withdraw, delete unpublished drafts.
    [InlineData(ContentStatus.Draft, "author", "Submit,Delete")]
    [InlineData(ContentStatus.Submitted, "author", "Withdraw")]
    [InlineData(ContentStatus.Rejected, "author", "Submit,Delete")]
    [InlineData(ContentStatus.Scheduled, "author", "Withdraw")]
    [InlineData(ContentStatus.Published, "author", "")]
    [InlineData(ContentStatus.Archived, "author", "")]
    // With self-publishing, the author publishes and archives their own.
    [InlineData(ContentStatus.Draft, "self", "Submit,Publish,Schedule,Delete")]
    [InlineData(ContentStatus.Published, "self", "Archive")]
    [InlineData(ContentStatus.Archived, "self", "Publish,Schedule")]
    // Another contributor: nothing, even with self-publishing.
    [InlineData(ContentStatus.Draft, "other", "")]
    [InlineData(ContentStatus.Submitted, "other", "")]
    // The coordinator: everything the state allows.
    [InlineData(ContentStatus.Draft, "coordinator", "Submit,Publish,Schedule,Delete")]
    [InlineData(ContentStatus.Submitted, "coordinator", "Withdraw,Publish,Schedule,Reject")]
    [InlineData(ContentStatus.Scheduled, "coordinator", "Withdraw,Publish,Schedule,Reject")]
    [InlineData(ContentStatus.Published, "coordinator", "Archive")]
    [InlineData(ContentStatus.Archived, "coordinator", "Publish,Schedule")]
    // A visitor or a member: nothing.
    [InlineData(ContentStatus.Draft, "visitor", "")]
    [InlineData(ContentStatus.Published, "visitor", "")]
    public void Available_actions_per_role_and_state(ContentStatus status, string who, string expected)
    {
        var actor = who switch
        {
            "author" => Author,
            "self" => Author with { SelfPublishing = true },
            "other" => OtherContributor with { SelfPublishing = true },
            "coordinator" => Coordinator,
            _ => Visitor,
        };
        Assert.Equal(expected, Actions(Item(status), actor));
    }

    [Fact]
    public void Editing_follows_the_state_and_the_author()
    {
        Assert.True(ContentWorkflow.CanEdit(Item(ContentStatus.Draft), Author));
        Assert.True(ContentWorkflow.CanEdit(Item(ContentStatus.Rejected), Author));
        Assert.False(ContentWorkflow.CanEdit(Item(ContentStatus.Submitted), Author));
        Assert.False(ContentWorkflow.CanEdit(Item(ContentStatus.Published), Author));
        Assert.True(ContentWorkflow.CanEdit(Item(ContentStatus.Published), Author with { SelfPublishing = true }));
        Assert.False(ContentWorkflow.CanEdit(Item(ContentStatus.Draft), OtherContributor));
        Assert.True(ContentWorkflow.CanEdit(Item(ContentStatus.Submitted), Coordinator));
        Assert.False(ContentWorkflow.CanEdit(Item(ContentStatus.Draft), Visitor));
        // An author who lost the contributor role in this tenant loses their items here.
        Assert.False(ContentWorkflow.CanEdit(Item(ContentStatus.Draft), Author with { CanContribute = false }));
        Assert.False(ContentWorkflow.CanView(Item(ContentStatus.Draft), Author with { CanContribute = false }));
    }

    [Fact]
    public void Hub_copies_and_published_items_are_never_deleted_or_edited_in_place()
    {
        var copy = Item(ContentStatus.Published);
        copy.OriginTenant = "hauts-de-france";
        Assert.Empty(ContentWorkflow.Available(copy, Coordinator));
        Assert.False(ContentWorkflow.CanEdit(copy, Coordinator));
        Assert.False(ContentWorkflow.CanView(copy, Coordinator));
        // Once published, an item is archived, not deleted, even after being withdrawn to draft.
        Assert.DoesNotContain(ContentAction.Delete, ContentWorkflow.Available(Item(ContentStatus.Draft, published: DateTime.UtcNow), Coordinator));
    }

    [Fact]
    public void Transitions_lead_where_the_workflow_says()
    {
        Assert.Equal(ContentStatus.Submitted, ContentWorkflow.Target(ContentAction.Submit, ContentStatus.Draft));
        Assert.Equal(ContentStatus.Draft, ContentWorkflow.Target(ContentAction.Withdraw, ContentStatus.Submitted));
        Assert.Equal(ContentStatus.Rejected, ContentWorkflow.Target(ContentAction.Reject, ContentStatus.Submitted));
        Assert.Equal(ContentStatus.Scheduled, ContentWorkflow.Target(ContentAction.Schedule, ContentStatus.Submitted));
        Assert.Equal(ContentStatus.Published, ContentWorkflow.Target(ContentAction.Publish, ContentStatus.Scheduled));
        Assert.Equal(ContentStatus.Archived, ContentWorkflow.Target(ContentAction.Archive, ContentStatus.Published));
    }
}
