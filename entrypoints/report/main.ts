import '../../assets/styles/extension-page.css';
import '../../assets/styles/control.css';
import '../../assets/styles/report.css';
import { startReport } from '../../src/ui/report';

const tab = Number(new URLSearchParams(location.search).get('tab'));
startReport(document.getElementById('app')!, Number.isInteger(tab) && tab >= 0 ? tab : undefined);
