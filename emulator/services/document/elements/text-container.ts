/**
 * The text side every container element shares (Paragraph, ListItem, Body, sections, Table,
 * TableRow, TableCell): getText, editAsText, replaceText, findText, and whole-text attributes.
 * All of it goes through one TextView over the element's paragraphs, so "\n" between paragraphs
 * and offsets mean the same in each.
 */
import { Attrs, textAttributes } from '../attributes';
import { ContainerNode, TextStylePatch } from '../model';
import { TextView } from '../text-view';
import { loose } from '../values';
import { ElementBase } from './base';
import { findIn, replaceIn } from './find';
import { EmuText } from './text';

export abstract class TextContainer<Self> extends ElementBase<Self> {
  protected view(): TextView {
    return TextView.ofContainer(this.node as ContainerNode);
  }

  /** The paragraphs' text joined by "\n" (a table's cells count as paragraphs). */
  getText(): string {
    this.reading('getText');
    return this.view().text();
  }

  editAsText(): GoogleAppsScript.Document.Text {
    this.reading('editAsText');
    return loose(new EmuText(this.handle, this.node as ContainerNode));
  }

  replaceText(searchPattern: string, replacement: string): GoogleAppsScript.Document.Element {
    if (typeof searchPattern !== 'string' || typeof replacement !== 'string') {
      this.fail('replaceText', [searchPattern, replacement]);
    }
    return this.editing('replaceText', () => {
      replaceIn(this.view().textNodes(), searchPattern, replacement);
      return this.self<GoogleAppsScript.Document.Element>();
    });
  }

  findText(searchPattern: string, from?: GoogleAppsScript.Document.RangeElement | null) {
    if (typeof searchPattern !== 'string') this.fail('findText', [searchPattern, from]);
    this.reading('findText');
    return findIn(this.handle, this.view().textNodes(), searchPattern, from);
  }

  /** Text attributes shared by all the text (null where it differs or is unset). */
  protected textAttributesOfAll(): Attrs {
    const view = this.view();
    return textAttributes((k) => view.uniform(k));
  }

  /** Formats all the text, paragraph marks included (so text typed later matches). */
  protected applyTextToAll(patch: TextStylePatch): void {
    const view = this.view();
    view.applyStyle(0, view.length(), patch, true);
  }
}
