/**
 * User-written text shared by every feature: Markdown rendered to sanitised HTML ({@link org.madang.platform.text.Markdown})
 * and the plain text behind search, mail and previews ({@link org.madang.platform.text.PlainText}).
 */
package org.madang.platform.text;
