#pragma once
// The page views: pure functions from view models to HTML. Each is implemented in its own file
// (layout.cpp, feed_view.cpp, thread_view.cpp, composer_view.cpp, auth_view.cpp,
// profile_view.cpp, error_view.cpp). Thread-safe: no shared state.

#include <string>

#include "render/html.hpp"
#include "web/views/view_models.hpp"

namespace hoot::web::views {

// The whole document: <!doctype html>, head (title, CSS, JS with defer, canonical link),
// top bar, <main id="main"> with `main_content`, footer with "Back to top" and the theme toggle.
std::string RenderLayout(const PageChrome& chrome, const render::Html& main_content);

render::Html RenderFeed(const FeedPage& page);
render::Html RenderThread(const ThreadPage& page);
render::Html RenderComposer(const ComposerPage& page);
render::Html RenderSignIn(const SignInPage& page);
render::Html RenderSignUp(const SignUpPage& page);
render::Html RenderProfileEdit(const ProfileEditPage& page);
render::Html RenderProfile(const ProfilePage& page);
render::Html RenderError(const ErrorPage& page);
render::Html RenderEditPost(const EditPostPage& page);            // edit_view.cpp
render::Html RenderRevisions(const RevisionsPage& page);          // revisions_view.cpp
render::Html RenderFollowing(const FollowingPage& page);          // social_view.cpp
render::Html RenderNotifications(const NotificationsPage& page);  // notifications_view.cpp
render::Html RenderNotificationSettings(const NotificationSettingsPage& page);
render::Html RenderConversations(const ConversationsPage& page);  // messages_view.cpp
render::Html RenderConversation(const ConversationPage& page);
// "Ada commented on “Sore glutes”": one line saying what a notification is about.
std::string DescribeNotification(const Notification& notification);
render::Html RenderTags(const TagsPage& page);             // tags_view.cpp
render::Html RenderSearch(const SearchResultsPage& page);  // search_view.cpp

}  // namespace hoot::web::views
