// The objects the recording fake's `vscode.window` hands out, for a test to drive or read: input boxes and quick
// picks (type, choose, Enter, Back, Escape) and status bar items.
import { EventEmitter } from '../eventEmitter';

/** vscode.QuickInputButtons.Back. */
export const BackButton = { iconPath: 'back' };

/** What InputBox and QuickPick share. */
class FakeQuickInput {
  title?: string;
  step?: number;
  totalSteps?: number;
  placeholder?: string;
  ignoreFocusOut = false;
  busy = false;
  enabled = true;
  buttons: unknown[] = [];
  shown = false;
  disposed = false;
  readonly accept = new EventEmitter<void>();
  readonly hide = new EventEmitter<void>();
  readonly button = new EventEmitter<unknown>();
  readonly onDidAccept = this.accept.event;
  readonly onDidHide = this.hide.event;
  readonly onDidTriggerButton = this.button.event;
  show(): void {
    this.shown = true;
  }
  dispose(): void {
    this.disposed = true;
  }
  /** The user presses Back. */
  back(): void {
    if (!this.buttons.includes(BackButton)) throw new Error('no Back button on this step');
    this.button.fire(BackButton);
  }
  /** The user presses Escape. */
  escape(): void {
    this.hide.fire();
  }
}

export class FakeInputBox extends FakeQuickInput {
  readonly kind = 'input';
  value = '';
  valueSelection: unknown;
  prompt?: string;
  validationMessage: unknown;
  readonly change = new EventEmitter<string>();
  readonly onDidChangeValue = this.change.event;
  /** The user types (replacing the value). */
  type(value: string): void {
    this.value = value;
    this.change.fire(value);
  }
  enter(): void {
    this.accept.fire();
  }
}

export interface FakeItem {
  label: string;
  description?: string;
  detail?: string;
}

export class FakeQuickPick extends FakeQuickInput {
  readonly kind = 'pick';
  items: FakeItem[] = [];
  activeItems: FakeItem[] = [];
  selectedItems: FakeItem[] = [];
  matchOnDescription = false;
  matchOnDetail = false;
  /** The user selects the item with this label and presses Enter. */
  choose(label: string): void {
    const item = this.items.find((i) => i.label === label || i.label.endsWith(` ${label}`));
    if (!item) throw new Error(`no item "${label}" in ${this.items.map((i) => i.label).join(', ')}`);
    this.selectedItems = [item];
    this.activeItems = [item];
    this.accept.fire();
  }
}

export class FakeStatusBarItem {
  text = '';
  tooltip: unknown;
  command: unknown;
  name?: string;
  visible = false;
  disposed = false;
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  dispose(): void {
    this.disposed = true;
  }
}
