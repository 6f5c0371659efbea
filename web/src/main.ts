import { createApp } from 'vue';
import App from './App.vue';
import { router } from './router';
import { theme } from './stores/theme';
import './styles.css';

theme.apply();
createApp(App).use(router).mount('#app');
