import { Importer } from './importer';
import { OptionsPage } from './options';

/** The options page: corpus, import and settings, wired together. */
export async function startOptions(app: HTMLElement): Promise<void> {
  const holder: { page?: OptionsPage } = {};
  const importer = new Importer(
    () => holder.page?.collectionNames ?? [],
    () => void holder.page?.refresh(),
  );
  holder.page = new OptionsPage(app, importer.element);
  await holder.page.refresh();
}
