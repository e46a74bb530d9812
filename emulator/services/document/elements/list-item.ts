/**
 * ListItem: a paragraph in a list (list id, nesting level 0–8, glyph type). A new item joins the
 * list of the list item just before it, otherwise starts a new list; BULLET is the guessed
 * default glyph.
 * https://developers.google.com/apps-script/reference/document/list-item
 */
import { gasError } from '../../../core/errors';
import { GlyphType } from '../enums';
import { DocHandle } from '../handle';
import { MSG } from '../messages';
import { ParagraphNode } from '../model';
import { checkEnum, isInteger } from '../values';
import { gasEnum } from './base';
import { CommonKeys, ParagraphLike } from './paragraph';
import { registerWrapper } from './wrap';

type LI = GoogleAppsScript.Document.ListItem;

type ListKeys =
  | CommonKeys
  | 'getGlyphType'
  | 'setGlyphType'
  | 'getListId'
  | 'setListId'
  | 'getNestingLevel'
  | 'setNestingLevel';

export class EmuListItem extends ParagraphLike<LI> implements Pick<LI, ListKeys> {
  constructor(handle: DocHandle, node: ParagraphNode) {
    super(handle, node, 'ListItem');
  }

  private get list() {
    return this.p.list!;
  }

  getGlyphType(): GoogleAppsScript.Document.GlyphType {
    this.reading('getGlyphType');
    return gasEnum(GlyphType[this.list.glyphType]);
  }

  setGlyphType(glyphType: GoogleAppsScript.Document.GlyphType): LI {
    const name = checkEnum(GlyphType, glyphType, this.cls, 'setGlyphType', [glyphType]);
    return this.editing('setGlyphType', () => {
      this.list.glyphType = name;
      return this.self<LI>();
    });
  }

  getListId(): string {
    this.reading('getListId');
    return this.list.listId;
  }

  setListId(listItem: GoogleAppsScript.Document.ListItem): LI {
    if (!(listItem instanceof EmuListItem)) this.fail('setListId', [listItem]);
    return this.editing('setListId', () => {
      this.list.listId = (listItem.node as ParagraphNode).list!.listId;
      return this.self<LI>();
    });
  }

  getNestingLevel(): number {
    this.reading('getNestingLevel');
    return this.list.nestingLevel;
  }

  setNestingLevel(nestingLevel: number): LI {
    if (!isInteger(nestingLevel)) this.fail('setNestingLevel', [nestingLevel]);
    if (nestingLevel < 0 || nestingLevel > 8) gasError(MSG.invalid('nestingLevel'));
    return this.editing('setNestingLevel', () => {
      this.list.nestingLevel = nestingLevel;
      return this.self<LI>();
    });
  }
}

registerWrapper(['listItem'], (handle, node) => new EmuListItem(handle, node as ParagraphNode));
