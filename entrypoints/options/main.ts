import '../../assets/styles/extension-page.css';
import '../../assets/styles/control.css';
import '../../assets/styles/options.css';
import { startOptions } from '../../src/ui/options-page';

void startOptions(document.getElementById('app')!);
