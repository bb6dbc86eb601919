import '../../assets/styles/popup.css';
import '../../assets/styles/control.css';
import { startPopup } from '../../src/ui/popup-page';

void startPopup(document.getElementById('app')!, { panel: true });
