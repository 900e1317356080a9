import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { Home } from '../pages/Home.tsx';
import { Shell } from './Shell.tsx';

// Every page but the home page is its own chunk, and so is the component library they share: the first page
// a citizen opens on a phone downloads only the shell and the search box.
const AntdLayout = lazy(() => import('./AntdLayout.tsx'));
const SignIn = lazy(() => import('../pages/SignIn.tsx'));
const Search = lazy(() => import('../pages/Search.tsx'));
const GuidePage = lazy(() => import('../pages/GuidePage.tsx'));
const FormPage = lazy(() => import('../pages/guide/FormPage.tsx'));
const Apply = lazy(() => import('../pages/apply/Apply.tsx'));
const MyCases = lazy(() => import('../pages/MyCases.tsx'));
const CaseDetail = lazy(() => import('../pages/CaseDetail.tsx'));
const Messages = lazy(() => import('../pages/Messages.tsx'));
const Inbox = lazy(() => import('../staff/Inbox.tsx'));
const TaskDetail = lazy(() => import('../staff/TaskDetail.tsx'));
const WindowIntake = lazy(() => import('../staff/WindowIntake.tsx'));
const WindowCases = lazy(() => import('../staff/WindowCases.tsx'));
const Supervision = lazy(() => import('../staff/Supervision.tsx'));
const Adjustments = lazy(() => import('../staff/Adjustments.tsx'));
const NotFound = lazy(() => import('../pages/NotFound.tsx'));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Shell />}>
        <Route index element={<Home />} />
        <Route element={<AntdLayout />}>
          <Route path="sign-in" element={<SignIn />} />
          <Route path="search" element={<Search />} />
          <Route path="matters/:code" element={<GuidePage />} />
          <Route path="matters/:code/forms/:materialId" element={<FormPage />} />
          <Route path="matters/:code/apply" element={<Apply mode="self" />} />
          <Route path="cases" element={<MyCases />} />
          <Route path="cases/:id" element={<CaseDetail />} />
          <Route path="messages" element={<Messages />} />
          <Route path="staff/tasks" element={<Inbox />} />
          <Route path="staff/tasks/:id" element={<TaskDetail />} />
          <Route path="staff/window" element={<WindowIntake />} />
          <Route path="staff/window/cases" element={<WindowCases />} />
          <Route path="staff/window/apply/:code" element={<Apply mode="window" />} />
          <Route path="staff/supervision" element={<Supervision />} />
          <Route path="staff/adjustments" element={<Adjustments />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Route>
    </Routes>
  );
}
